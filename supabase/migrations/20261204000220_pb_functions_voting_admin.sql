-- Participatory budgeting, part 3 (continued): officers issue voting codes, run polling
-- stations, enter paper ballots, and read turnout (counts only) and the PB audit trail.
-- Words in src/lib/refusals/pb-officers.ts.

/** Section - Voting codes */

-- A batch of single-use codes for letters or an event. The codes are returned this once, for
-- printing; only their hashes are kept, so nobody (officers included) can list them later.
-- Codes can be issued until voting closes.
create function api.pb_issue_codes(p_process_id uuid, p_label text, p_count int)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'issue voting codes');
  v_label text := private.pb_text(p_label, 'label', 120);
  v_batch uuid;
  v_codes text[] := '{}';
  v_new text[];
begin
  perform private.pb_require_phase(v, array['draft', 'proposals', 'review', 'voting']::private.pb_phase[], 'Voting codes can be issued until voting closes.');
  if p_count is null or p_count < 1 or p_count > 10000 then
    perform private.refuse('P0001', 'count_out_of_range', 'Issue between 1 and 10,000 codes at a time.', 'count', null,
      jsonb_build_object('min', 1, 'max', 10000));
  end if;
  insert into private.pb_code_batches (process_id, label, size, issued_by) values (v.id, v_label, p_count, private.caller()) returning id into v_batch;
  -- 31^12 codes: a clash is next to impossible, but one is simply drawn again.
  while cardinality(v_codes) < p_count loop
    with fresh as (select distinct private.pb_new_code(12) as code from generate_series(1, p_count - cardinality(v_codes))),
         ins as (insert into private.pb_voting_codes (process_id, batch_id, code_hash)
                 select v.id, v_batch, private.pb_code_hash(v.id, f.code) from fresh f
                 on conflict (code_hash) do nothing returning code_hash)
    select array_agg(f.code) into v_new from fresh f join ins i on i.code_hash = private.pb_code_hash(v.id, f.code);
    v_codes := v_codes || coalesce(v_new, '{}');
  end loop;
  return jsonb_build_object('batch_id', v_batch, 'label', v_label, 'size', p_count, 'codes', to_jsonb(v_codes));
end
$$;
select private.grant_api(array['pb_issue_codes'], array['authenticated', 'service_role']);

-- The batches with how many codes were used, and how: never the codes.
create function api.pb_code_batches(p_process_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'see its voting codes');
begin
  return coalesce((select jsonb_agg(jsonb_build_object('id', b.id, 'label', b.label, 'size', b.size, 'issued_at', b.issued_at,
      'issued_by', pe.display_name,
      'used', (select count(*) from private.pb_voting_codes c where c.batch_id = b.id and c.used_at is not null),
      'used_online', (select count(*) from private.pb_voting_codes c where c.batch_id = b.id and c.used_channel = 'online'),
      'used_paper', (select count(*) from private.pb_voting_codes c where c.batch_id = b.id and c.used_channel = 'paper'))
      order by b.issued_at, b.label)
    from private.pb_code_batches b left join private.people pe on pe.id = b.issued_by
    where b.process_id = v.id), '[]');
end
$$;
select private.grant_api(array['pb_code_batches'], array['authenticated', 'service_role']);

/** Section - Polling stations and paper ballots */

create function api.pb_add_station(p_process_id uuid, p_name text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'add polling stations');
begin
  perform private.pb_require_phase(v, array['draft', 'proposals', 'review', 'voting']::private.pb_phase[], 'Polling stations are set up until voting closes.');
  return private.pb_add_named('pb_polling_stations', v.id, p_name);
end
$$;
select private.grant_api(array['pb_add_station'], array['authenticated', 'service_role']);

create function api.pb_rename_station(p_station_id uuid, p_name text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_process uuid := (select s.process_id from private.pb_polling_stations s where s.id = p_station_id);
  v_name text;
begin
  if v_process is null then
    perform private.refuse('PT404', 'station_not_found', 'We could not find that polling station.', 'station_id');
  end if;
  perform private.pb_require_process_officer(v_process, 'rename polling stations');
  v_name := private.pb_text(p_name, 'name', 120);
  perform private.pb_name_taken('pb_polling_stations', v_process, v_name, p_station_id);
  update private.pb_polling_stations s set name = v_name where s.id = p_station_id;
  return jsonb_build_object('id', p_station_id, 'name', v_name);
end
$$;
select private.grant_api(array['pb_rename_station'], array['authenticated', 'service_role']);

-- The stations with their subtotals: how many paper ballots were entered at each.
create function api.pb_stations(p_process_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'see its polling stations');
begin
  return coalesce((select jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name,
      'ballots', (select count(*) from private.pb_ballots b where b.station_id = s.id)) order by s.name)
    from private.pb_polling_stations s where s.process_id = v.id), '[]');
end
$$;
select private.grant_api(array['pb_stations'], array['authenticated', 'service_role']);

-- Keeps (and so audits) an officer's wrong code in pb_paper_code_misses, then answers the
-- refusal, committed: officers are not limited as residents are, as they type many codes.
create function private.pb_paper_code_miss(p_process_id uuid, p_station_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  insert into private.pb_paper_code_misses (process_id, station_id, entered_by) values (p_process_id, p_station_id, private.caller());
  return private.refusal_answer(400, 'P0001', 'code_not_found',
    'That voting code is not one of this process''s. Check it against the ballot paper.', 'code');
end
$$;

-- A paper ballot, entered by an officer from the voter's code. Paper ballots are usually
-- entered after a station closes, so this is allowed while voting and counting, until a result
-- is stored (after that a late ballot would make the stored result stale without anyone
-- deciding so). The code must be unused on either channel: it is marked used (paper), and the
-- voter and ballot rows are written in this one transaction, with the one ballot check the
-- online vote uses. The code row is locked, and pb_voters' unique code_id backs that up.
create function api.pb_enter_paper_ballot(p_process_id uuid, p_station_id uuid, p_code text, p_proposal_ids uuid[])
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'enter paper ballots');
  v_code text := private.pb_text(p_code, 'code', 40);
  v_code_row private.pb_voting_codes;
  v_ids uuid[];
  v_ballot uuid;
begin
  perform private.pb_require_phase(v, array['voting', 'counting']::private.pb_phase[], 'Paper ballots are entered while voting is open or being counted.');
  if exists (select 1 from private.pb_results r where r.process_id = v.id) then
    perform private.refuse('PT409', 'result_stored', 'The votes have been counted, so no more paper ballots can be entered.');
  end if;
  if not exists (select 1 from private.pb_polling_stations s where s.id = p_station_id and s.process_id = v.id) then
    perform private.refuse('PT404', 'station_not_found', 'We could not find that polling station in this process.', 'station_id');
  end if;
  select * into v_code_row from private.pb_voting_codes c where c.code_hash = private.pb_code_hash(v.id, v_code) and c.process_id = v.id for update;
  if v_code_row.id is null then
    -- Not limited, as residents' guesses are, but kept and audited (private.pb_paper_code_miss above).
    return private.pb_paper_code_miss(v.id, p_station_id);
  end if;
  if v_code_row.used_at is not null
     or exists (select 1 from private.pb_voters vt where vt.code_id = v_code_row.id)
     or exists (select 1 from private.pb_eligible_people e where e.code_id = v_code_row.id) then
    perform private.refuse('PT409', 'code_already_used', 'This voting code has already been used, so this ballot cannot be counted. Set it aside for the count''s records.',
      'code', null, jsonb_build_object('used_channel', coalesce(v_code_row.used_channel, 'online')));
  end if;
  v_ids := private.pb_check_ballot(v, p_proposal_ids);
  insert into private.pb_ballots (process_id, proposal_ids, channel, station_id) values (v.id, v_ids, 'paper', p_station_id) returning id into v_ballot;
  insert into private.pb_voters (process_id, code_id, ballot_id) values (v.id, v_code_row.id, v_ballot);
  update private.pb_voting_codes c set used_at = now(), used_channel = 'paper' where c.id = v_code_row.id;
  return jsonb_build_object('entered', true, 'station_id', p_station_id,
    'station_ballots', (select count(*) from private.pb_ballots b where b.station_id = p_station_id));
end
$$;
select private.grant_api(array['pb_enter_paper_ballot'], array['authenticated', 'service_role']);

-- Turnout, as counts only: nothing here says who voted for what, or even who voted.
create function api.pb_turnout(p_process_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'see its turnout');
begin
  return jsonb_build_object(
    'ballots', (select count(*) from private.pb_ballots b where b.process_id = v.id),
    'online_ballots', (select count(*) from private.pb_ballots b where b.process_id = v.id and b.channel = 'online'),
    'paper_ballots', (select count(*) from private.pb_ballots b where b.process_id = v.id and b.channel = 'paper'),
    'changed_ballots', (select count(*) from private.pb_ballots b where b.process_id = v.id and b.changes > 0),
    'stations', coalesce((select jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name,
        'ballots', (select count(*) from private.pb_ballots b where b.station_id = s.id)) order by s.name)
      from private.pb_polling_stations s where s.process_id = v.id), '[]'),
    'codes_issued', (select count(*) from private.pb_voting_codes c where c.process_id = v.id),
    'codes_used', (select count(*) from private.pb_voting_codes c where c.process_id = v.id and c.used_at is not null),
    'codes_used_online', (select count(*) from private.pb_voting_codes c where c.process_id = v.id and c.used_channel = 'online'),
    'codes_used_paper', (select count(*) from private.pb_voting_codes c where c.process_id = v.id and c.used_channel = 'paper'),
    'eligible', jsonb_build_object(
      'voting_code', (select count(*) from private.pb_eligible_people e where e.process_id = v.id and e.method = 'voting_code'),
      'postcode', (select count(*) from private.pb_eligible_people e where e.process_id = v.id and e.method = 'postcode')));
end
$$;
select private.grant_api(array['pb_turnout'], array['authenticated', 'service_role']);

/** Section - The audit trail */

-- The PB part of the audit trail for one process, newest first, a page at a time (pass
-- next_before_id for the next page), for scrutiny and the process's officers. The vote's own
-- tables were audited without their content (private.pb_audit_vote), so what is here says
-- that someone voted, never what they chose. Reading it is itself recorded.
create function api.pb_audit_trail(p_process_id uuid, p_table text default null, p_before_id bigint default null, p_limit int default 100)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.caller();
  v_events jsonb;
  v_id text := p_process_id::text;
begin
  if v_person is null then
    perform private.refuse('PT401', 'sign_in_needed', 'Sign in to do this.');
  end if;
  if not exists (select 1 from private.pb_processes p where p.id = p_process_id) then
    perform private.refuse('PT404', 'process_not_found', 'We could not find that budgeting process.', 'process_id');
  end if;
  if private.pb_is_process_officer(p_process_id) then
    perform private.set_audit_context('pb_officer');
  elsif coalesce((select pe.is_scrutiny from private.people pe where pe.id = v_person), false) then
    perform private.set_audit_context('scrutiny');
  else
    perform private.refuse('PT403', 'not_audit_reader', 'Only the scrutiny committee and the officers running this process can read its audit trail.');
  end if;
  if p_table is not null and p_table !~ '^pb_[a-z_]+$' then
    perform private.refuse('P0001', 'unknown_table', 'Choose one of the budgeting tables.', 'table');
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    perform private.refuse('P0001', 'bad_page', 'Ask for between 1 and 500 events at a time.', 'limit');
  end if;
  perform private.record_read('read', 'pb audit trail', null, null,
    jsonb_strip_nulls(jsonb_build_object('process_id', p_process_id, 'table', p_table, 'before_id', p_before_id)));
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', e.id, 'at', e.at, 'actor', e.actor, 'actor_name', pe.display_name, 'actor_role', e.actor_role,
      'action', e.action, 'table_name', e.table_name, 'row_id', e.row_id, 'old_values', e.old_values,
      'new_values', e.new_values, 'details', e.details, 'prev_hash', e.prev_hash, 'hash', e.hash) order by e.id desc), '[]')
  into v_events
  from (select * from private.audit_events e
        where e.table_name like 'pb\_%'
          and (p_table is null or e.table_name = p_table)
          and (p_before_id is null or e.id < p_before_id)
          and ((e.table_name = 'pb_processes' and e.row_id = v_id)
               or coalesce(e.new_values, e.old_values) ->> 'process_id' = v_id)
        order by e.id desc limit p_limit) e
  left join private.people pe on pe.id = e.actor;
  return jsonb_build_object('events', v_events,
    'next_before_id', case when jsonb_array_length(v_events) = p_limit then (v_events -> (p_limit - 1) ->> 'id')::bigint end);
end
$$;
select private.grant_api(array['pb_audit_trail'], array['authenticated', 'service_role']);

revoke execute on all functions in schema private from public;
