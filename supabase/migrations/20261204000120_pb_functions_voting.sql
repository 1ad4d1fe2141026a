-- Participatory budgeting: a signed-in resident proves they may vote (a voting code or a postcode
-- in the area, as the process allows) and casts or changes their one ballot. The vote tables'
-- trigger records that someone voted, never what.
--
-- Granted to anon too, so a signed-out caller gets the keyed 401 (sign_in_needed) from
-- private.pb_require_signed_in rather than a bare missing-grant error.
--
-- Refusals (besides the shared ones in 20261204000050_pb_access.sql):
--   PT403 not_eligible, postcode_outside_area · PT409 method_not_allowed, already_eligible,
--   code_used, code_used_on_paper · P0001 (400) code_not_recognised, postcode_not_valid

/** Section - Who may vote, for signed-in residents */

-- Proving eligibility is open from proposals until voting closes, once per person and process,
-- by a method the process allows.
create function private.pb_eligibility_open(p_process private.pb_processes, p_person uuid, p_method text)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_method text;
begin
  perform private.pb_require_phase(p_process, array['proposals', 'review', 'voting']::private.pb_phase[],
    'You can prove you may vote only until voting closes.');
  if not p_method = any (p_process.eligibility) then
    perform private.refuse('PT409', 'method_not_allowed',
      case p_method when 'postcode' then 'This process does not accept a postcode: use the voting code you were sent.'
                    else 'This process does not use voting codes: tell us your postcode instead.' end,
      null, null, jsonb_build_object('allowed', p_process.eligibility));
  end if;
  select e.method into v_method from private.pb_eligible_people e where e.process_id = p_process.id and e.person_id = p_person;
  if v_method is not null then
    perform private.refuse('PT409', 'already_eligible', 'You have already shown you can vote in this process.', null, null,
      jsonb_build_object('method', v_method));
  end if;
end
$$;

-- What a resident's status in a process is: may they vote, how they proved it, have they voted.
create function private.pb_my_status_json(p_process private.pb_processes, p_person uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'process_id', p_process.id, 'phase', p_process.phase, 'methods', to_jsonb(p_process.eligibility),
    'eligible', e.person_id is not null, 'method', e.method, 'postcode', e.postcode, 'proved_at', e.proved_at,
    'voted', vt.id is not null, 'first_voted_at', vt.first_voted_at,
    'can_vote', p_process.phase = 'voting' and e.person_id is not null)
  from (select 1) as one
  left join private.pb_eligible_people e on e.process_id = p_process.id and e.person_id = p_person
  left join private.pb_voters vt on vt.process_id = p_process.id and vt.person_id = p_person
$$;

-- A voting code from a letter or an event makes the signed-in resident eligible. The code is
-- marked used online at once, so it cannot also be entered on paper (nor paper then online).
-- Guessing is limited (20261204000090_pb_code_attempts.sql): a wrong code is kept as an attempt
-- and answered 400 without rolling back; too many lately and the answer is 429, before any lookup.
create function api.pb_redeem_code(p_process_id uuid, p_code text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.pb_require_signed_in();
  v private.pb_processes := private.pb_visible_process(p_process_id);
  v_code text := private.pb_text(p_code, 'code', 40);
  v_row private.pb_voting_codes;
begin
  perform private.pb_eligibility_open(v, v_person, 'voting_code');
  perform private.pb_code_guard(v.id, v_person);
  select * into v_row from private.pb_voting_codes c
  where c.code_hash = private.pb_code_hash(v.id, v_code) and c.process_id = v.id for update;
  if v_row.id is null then
    return private.pb_code_wrong(v.id, v_person);
  end if;
  if v_row.used_channel = 'paper' or exists (select 1 from private.pb_voters vt where vt.code_id = v_row.id) then
    perform private.refuse('PT409', 'code_used_on_paper', 'This voting code has already been used to vote on paper.', 'code');
  end if;
  if v_row.used_at is not null or exists (select 1 from private.pb_eligible_people e where e.code_id = v_row.id) then
    perform private.refuse('PT409', 'code_used', 'This voting code has already been used.', 'code');
  end if;
  insert into private.pb_eligible_people (process_id, person_id, method, code_id) values (v.id, v_person, 'voting_code', v_row.id);
  update private.pb_voting_codes c set used_at = now(), used_channel = 'online' where c.id = v_row.id;
  return private.pb_my_status_json(v, v_person);
end
$$;
select private.grant_api(array['pb_redeem_code'], array['anon', 'authenticated']);

-- A signed-in resident declares a postcode in the process's area, where the process allows it.
-- A prefix matches a whole outward code ('OX1' is not 'OX10'), an area's letters ('OX'), or a
-- sector ('OX44 9').
create function api.pb_declare_postcode(p_process_id uuid, p_postcode text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.pb_require_signed_in();
  v private.pb_processes := private.pb_visible_process(p_process_id);
  v_compact text := upper(regexp_replace(private.pb_text(p_postcode, 'postcode', 10), '\s', '', 'g'));
  v_outward text;
  v_postcode text;
begin
  perform private.pb_eligibility_open(v, v_person, 'postcode');
  if v_compact !~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$' then
    perform private.refuse('P0001', 'postcode_not_valid', 'Enter a full UK postcode, like OX1 1BX.', 'postcode');
  end if;
  v_outward := left(v_compact, length(v_compact) - 3);
  v_postcode := v_outward || ' ' || right(v_compact, 3);
  if not exists (
    select 1 from unnest(v.postcode_prefixes) as raw, lateral (select upper(regexp_replace(raw, '\s', '', 'g')) as np) n
    where n.np = v_outward
       or (n.np ~ '^[A-Z]{1,2}$' and v_outward ~ ('^' || n.np || '[0-9]'))
       or (length(n.np) > length(v_outward) and left(v_compact, length(n.np)) = n.np)
  ) then
    perform private.refuse('PT403', 'postcode_outside_area', format('%s is not in the area of this process (%s).', v_postcode, v.area),
      'postcode', null, jsonb_build_object('area', v.area));
  end if;
  insert into private.pb_eligible_people (process_id, person_id, method, postcode) values (v.id, v_person, 'postcode', v_postcode);
  return private.pb_my_status_json(v, v_person);
end
$$;
select private.grant_api(array['pb_declare_postcode'], array['anon', 'authenticated']);

-- The signed-in resident's own eligibility and voting status in a process.
create function api.pb_my_status(p_process_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.pb_require_signed_in();
  v private.pb_processes := private.pb_visible_process(p_process_id);
begin
  return private.pb_my_status_json(v, v_person);
end
$$;
select private.grant_api(array['pb_my_status'], array['anon', 'authenticated']);

/** Section - The ballot, for signed-in residents */

-- The caller's current ballot in a process, to show and change it; null if none yet.
create function api.pb_my_ballot(p_process_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.pb_require_signed_in();
  v private.pb_processes := private.pb_visible_process(p_process_id);
  v_ballot private.pb_ballots;
begin
  select b.* into v_ballot from private.pb_voters vt join private.pb_ballots b on b.id = vt.ballot_id
  where vt.process_id = v.id and vt.person_id = v_person;
  if v_ballot.id is null then
    return null;
  end if;
  return jsonb_build_object(
    'process_id', v.id, 'cast_at', v_ballot.cast_at, 'changed_at', v_ballot.changed_at, 'changes', v_ballot.changes,
    'proposals', (select coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'number', p.number, 'title', p.title,
                                                               'checked_cost', p.checked_cost) order by p.number), '[]'::jsonb)
                  from private.pb_proposals p where p.id = any (v_ballot.proposal_ids)),
    'total', (select coalesce(sum(p.checked_cost), 0) from private.pb_proposals p where p.id = any (v_ballot.proposal_ids)),
    'budget', v.budget, 'can_change', v.phase = 'voting');
end
$$;
select private.grant_api(array['pb_my_ballot'], array['anon', 'authenticated']);

-- Cast or replace the caller's one ballot. The voter row is updated (a change of vote) or made
-- (a first vote) first, which locks it, so any number of casts at once by one person queue
-- behind each other: one ballot, the last wins, each checked by private.pb_checked_ballot under
-- that lock. That same write is the cast's one audit event ("voted" or "changed", see
-- private.pb_audit_vote). The update is tried first because most casts in a busy vote are
-- changes, and a change then costs one statement, not a refused insert and an update.
-- The process is held first (shared, private.pb_hold_process) and read once under it, so
-- voting cannot close nor its rules change half-way. Returns the new receipt code, shown once.
create function api.pb_cast_ballot(p_process_id uuid, p_proposal_ids uuid[])
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.pb_require_signed_in();
  v private.pb_processes;
  v_code_id uuid;
  v_voter private.pb_voters;
  v_new boolean := false;
  v_ids uuid[];
  v_total numeric;
  v_number int := 0;
  v_receipt text := private.pb_new_code(16);
  v_receipt_hash text := private.pb_receipt_hash(v_receipt);
begin
  -- Holding an id that is no process is harmless; holding before reading means one read.
  perform private.pb_hold_process(p_process_id, false);
  v := private.pb_visible_process(p_process_id);
  perform private.pb_require_phase(v, array['voting']::private.pb_phase[], 'Voting is not open in this process.');
  select e.code_id into v_code_id from private.pb_eligible_people e where e.process_id = v.id and e.person_id = v_person;
  if not found then
    perform private.refuse('PT403', 'not_eligible', 'Show that you can vote first: enter your voting code or your postcode.',
      null, null, jsonb_build_object('methods', v.eligibility));
  end if;
  -- Waits for any cast of the same person still running, then takes its turn.
  update private.pb_voters vt set changed_at = now() where vt.process_id = v.id and vt.person_id = v_person
  returning * into v_voter;
  if v_voter.id is null then
    insert into private.pb_voters (process_id, person_id, code_id, ballot_id)
    values (v.id, v_person, v_code_id, gen_random_uuid())
    on conflict do nothing
    returning * into v_voter;
    v_new := v_voter.id is not null;
    if not v_new then
      -- A first cast of the same person committed meanwhile (this one takes its turn after
      -- it), or the code clashed: it was used for a paper ballot.
      update private.pb_voters vt set changed_at = now() where vt.process_id = v.id and vt.person_id = v_person
      returning * into v_voter;
      if v_voter.id is null then
        perform private.refuse('PT409', 'code_used_on_paper', 'The voting code you used has already voted on paper.', 'code');
      end if;
    end if;
  end if;
  select c.ids, c.total into v_ids, v_total from private.pb_checked_ballot(v, p_proposal_ids) c;
  if v_new then
    insert into private.pb_ballots (id, process_id, proposal_ids, channel) values (v_voter.ballot_id, v.id, v_ids, 'online');
  else
    update private.pb_ballots b set proposal_ids = v_ids, changed_at = now(), changes = b.changes + 1 where b.id = v_voter.ballot_id
    returning b.changes into v_number;
  end if;
  -- Numbered by the ballot's version, so the earlier receipts read as replaced (pb_receipts).
  insert into private.pb_receipts (receipt_hash, ballot_id, number, proposal_ids) values (v_receipt_hash, v_voter.ballot_id, v_number, v_ids);
  -- The email carries the code once; the outbox keys it by the hash, never by the code.
  perform private.notify(v_person, 'pb_vote_receipt', jsonb_build_object('process', v.title, 'receipt', v_receipt), '/budgeting/check-ballot/', 'pb_vote_receipt:' || v_receipt_hash);
  return jsonb_build_object('receipt', v_receipt, 'replaced', not v_new, 'cast_at', now(), 'projects', cardinality(v_ids), 'total', v_total);
end
$$;
select private.grant_api(array['pb_cast_ballot'], array['anon', 'authenticated']);

revoke execute on all functions in schema private from public;
