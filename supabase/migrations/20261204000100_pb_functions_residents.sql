-- Participatory budgeting, part 3: what the public and signed-in residents can do. Anyone may read
-- processes, proposals, the shortlist and check a receipt; a signed-in resident may propose,
-- prove they may vote, and cast or change their one ballot. Every write leaves its audit event
-- through the tables' triggers; the vote tables' trigger records that someone voted, never what.
--
-- The residents' functions are granted to anon too, so a signed-out caller gets the keyed 401
-- (sign_in_needed) from private.pb_require_signed_in rather than a bare missing-grant error.
--
-- Refusals (besides the shared ones in 20261204000050_pb_access.sql):
--   PT404 proposal_not_found, receipt_not_found · PT403 not_your_proposal, not_eligible,
--   postcode_outside_area · PT409 proposal_not_editable, proposal_not_withdrawable,
--   method_not_allowed, already_eligible, code_used, code_used_on_paper ·
--   P0001 (400) unknown_status, page_out_of_range, page_size_out_of_range, ward_not_found,
--   category_not_found, code_not_recognised, postcode_not_valid, cost_over_budget

/** Section - What the public sees of a proposal */

-- Statuses the public may list. Hidden, withdrawn and merged proposals are never listed.
create function private.pb_public_statuses()
returns private.pb_proposal_status[]
language sql
immutable
set search_path = ''
as $$
  select array['submitted', 'feasible', 'not_feasible', 'shortlisted']::private.pb_proposal_status[]
$$;

-- One proposal as anyone may see it: never its author. The reason is public only for "not
-- feasible"; a hidden proposal's reason is added for its author by api.pb_proposal.
create function private.pb_public_proposal_json(p private.pb_proposals)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p.id, 'process_id', p.process_id, 'number', p.number, 'title', p.title, 'summary', p.summary,
    'details', p.details, 'estimated_cost', p.estimated_cost, 'beneficiaries', p.beneficiaries,
    'ward', (select jsonb_build_object('id', w.id, 'name', w.name) from private.pb_wards w where w.id = p.ward_id),
    'category', (select jsonb_build_object('id', c.id, 'name', c.name) from private.pb_categories c where c.id = p.category_id),
    'status', p.status,
    'status_reason', case when p.status = 'not_feasible' then p.status_reason end,
    'checked_cost', case when p.status in ('feasible', 'not_feasible', 'shortlisted') then p.checked_cost end,
    'feasibility_note', case when p.status in ('feasible', 'not_feasible', 'shortlisted') then p.feasibility_note end,
    'merged_into', (select jsonb_build_object('id', m.id, 'number', m.number, 'title', m.title)
                    from private.pb_proposals m where m.id = p.merged_into),
    'created_at', p.created_at, 'updated_at', p.updated_at)
$$;

-- A process's phases with their dates, in order.
create function private.pb_phases_json(p_process_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('phase', ph.phase, 'starts_at', ph.starts_at, 'ends_at', ph.ends_at)
                            order by ph.phase), '[]'::jsonb)
  from private.pb_process_phases ph where ph.process_id = p_process_id
$$;

/** Section - Processes, for anyone */

-- Every process past its draft, newest first, with what a list needs to show.
create function api.pb_processes()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', p.id, 'slug', p.slug, 'title', p.title, 'area', p.area, 'description', p.description,
      'budget', p.budget, 'currency', p.currency, 'phase', p.phase, 'phase_changed_at', p.phase_changed_at,
      'phases', private.pb_phases_json(p.id))
    order by p.created_at desc, p.slug), '[]'::jsonb)
  from private.pb_processes p where p.phase <> 'draft'
$$;
select private.grant_api(array['pb_processes'], array['anon', 'authenticated', 'service_role']);

-- A process by its address (slug), with everything its pages and the ballot need: phases and
-- dates, wards, categories, ballot limits and how eligibility is proved. Drafts: 404.
create function api.pb_process(p_slug text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_slug text := lower(private.pb_text(p_slug, 'slug', 80));
  v private.pb_processes;
begin
  v := private.pb_visible_process((select p.id from private.pb_processes p where p.slug = v_slug));
  return jsonb_build_object(
    'id', v.id, 'slug', v.slug, 'title', v.title, 'description', v.description, 'area', v.area,
    'budget', v.budget, 'currency', v.currency, 'phase', v.phase, 'phase_changed_at', v.phase_changed_at,
    'rule', v.rule, 'min_projects', v.min_projects, 'max_projects', v.max_projects,
    'eligibility', to_jsonb(v.eligibility), 'postcode_prefixes', to_jsonb(v.postcode_prefixes),
    'phases', private.pb_phases_json(v.id),
    'wards', (select coalesce(jsonb_agg(jsonb_build_object('id', w.id, 'name', w.name) order by w.name), '[]'::jsonb)
              from private.pb_wards w where w.process_id = v.id),
    'categories', (select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'name', c.name) order by c.name), '[]'::jsonb)
                   from private.pb_categories c where c.process_id = v.id));
end
$$;
select private.grant_api(array['pb_process'], array['anon', 'authenticated', 'service_role']);

/** Section - Proposals, for anyone */

-- A page of a process's public proposals, filtered and searched (websearch syntax: words,
-- "a phrase", -not), by number, or by relevance when searching; with the total for paging.
create function api.pb_proposals(
  p_process_id uuid, p_ward_id uuid default null, p_category_id uuid default null, p_status text default null,
  p_search text default null, p_page int default 1, p_page_size int default 20
)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_visible_process(p_process_id);
  v_search text := private.pb_text(p_search, 'search', 200, false);
  v_query tsquery;
  v_status private.pb_proposal_status;
  v_total bigint;
  v_items jsonb;
begin
  if p_status is not null then
    if length(p_status) > 40 or not p_status = any (private.pb_public_statuses()::text[]) then
      perform private.refuse('P0001', 'unknown_status', 'Choose one of the listed statuses.', 'status', null,
        jsonb_build_object('allowed', private.pb_public_statuses()));
    end if;
    v_status := p_status::private.pb_proposal_status;
  end if;
  if p_page is null or p_page < 1 or p_page > 100000 then
    perform private.refuse('P0001', 'page_out_of_range', 'That page does not exist.', 'page');
  end if;
  if p_page_size is null or p_page_size < 1 or p_page_size > 50 then
    perform private.refuse('P0001', 'page_size_out_of_range', 'Show between 1 and 50 proposals a page.', 'page_size',
      null, jsonb_build_object('max', 50));
  end if;
  if v_search is not null then
    v_query := websearch_to_tsquery('english', v_search);
  end if;
  with matching as (
    select p, case when v_query is null then 0 else ts_rank(p.search, v_query) end as rank
    from private.pb_proposals p
    where p.process_id = v.id
      and p.status = any (private.pb_public_statuses())
      and (v_status is null or p.status = v_status)
      and (p_ward_id is null or p.ward_id = p_ward_id)
      and (p_category_id is null or p.category_id = p_category_id)
      and (v_query is null or p.search @@ v_query)
  ), paged as (
    select m.p, m.rank, count(*) over () as total from matching m
    order by m.rank desc, (m.p).number
    offset (p_page - 1) * p_page_size limit p_page_size
  )
  select coalesce(jsonb_agg(private.pb_public_proposal_json(pg.p) order by pg.rank desc, (pg.p).number), '[]'::jsonb),
         max(pg.total)
  into v_items, v_total from paged pg;
  if v_total is null then
    -- The page is past the end (or nothing matched): still say how many there are.
    select count(*) into v_total from private.pb_proposals p
    where p.process_id = v.id and p.status = any (private.pb_public_statuses())
      and (v_status is null or p.status = v_status)
      and (p_ward_id is null or p.ward_id = p_ward_id)
      and (p_category_id is null or p.category_id = p_category_id)
      and (v_query is null or p.search @@ v_query);
  end if;
  return jsonb_build_object('total', v_total, 'page', p_page, 'page_size', p_page_size, 'proposals', v_items);
end
$$;
select private.grant_api(array['pb_proposals'], array['anon', 'authenticated', 'service_role']);

-- One proposal. Hidden and withdrawn ones are 404 to everyone but their author (who sees the
-- reason) and the process's officers; a merged one says what it was merged into.
create function api.pb_proposal(p_proposal_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_proposal private.pb_proposals;
  v_mine boolean;
begin
  select * into v_proposal from private.pb_proposals p where p.id = p_proposal_id;
  if v_proposal.id is not null then
    perform private.pb_visible_process(v_proposal.process_id);
    v_mine := coalesce(v_proposal.author_id = private.caller(), false);
  end if;
  if v_proposal.id is null or (v_proposal.status in ('hidden', 'withdrawn') and not v_mine
                               and not private.pb_is_process_officer(v_proposal.process_id)) then
    perform private.refuse('PT404', 'proposal_not_found', 'We could not find that proposal.', 'proposal_id',
      'It may have been withdrawn or removed. Go back to the list of proposals.');
  end if;
  return private.pb_public_proposal_json(v_proposal)
    || jsonb_build_object('mine', v_mine)
    || case when v_mine or v_proposal.status = 'not_feasible'
            then jsonb_build_object('status_reason', v_proposal.status_reason) else '{}'::jsonb end;
end
$$;
select private.grant_api(array['pb_proposal'], array['anon', 'authenticated', 'service_role']);

-- The projects on the ballot with their checked costs, once voting has started.
create function api.pb_shortlist(p_process_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_visible_process(p_process_id);
begin
  if private.pb_phase_rank(v.phase) < private.pb_phase_rank('voting') then
    perform private.pb_require_phase(v, array['voting', 'counting', 'results']::private.pb_phase[],
      'The shortlist is published when voting opens.');
  end if;
  return jsonb_build_object(
    'process_id', v.id, 'budget', v.budget, 'currency', v.currency, 'phase', v.phase,
    'min_projects', v.min_projects, 'max_projects', v.max_projects,
    'proposals', (select coalesce(jsonb_agg(private.pb_public_proposal_json(p) order by p.number), '[]'::jsonb)
                  from private.pb_proposals p where p.process_id = v.id and p.status = 'shortlisted'));
end
$$;
select private.grant_api(array['pb_shortlist'], array['anon', 'authenticated', 'service_role']);

/** Section - Receipts, for anyone holding one */

-- What the ballot of this receipt held, when it was cast, whether a later ballot replaced it
-- (only the last counts) and whether it was counted: a stored result counted after the
-- ballot last changed. Never who cast it.
create function api.pb_check_receipt(p_receipt text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_receipt private.pb_receipts;
  v_ballot private.pb_ballots;
  v_ids uuid[];
  v_replaced_at timestamptz;
  v_counted_at timestamptz;
begin
  select * into v_receipt from private.pb_receipts r
  where r.receipt_hash = private.pb_receipt_hash(private.pb_text(p_receipt, 'receipt', 40));
  if v_receipt.receipt_hash is null then
    perform private.refuse('PT404', 'receipt_not_found', 'We could not find a vote with that receipt code.', 'receipt',
      'Check the code on your receipt: letters and numbers, in groups of four.');
  end if;
  select * into v_ballot from private.pb_ballots b where b.id = v_receipt.ballot_id;
  v_ids := coalesce(v_receipt.proposal_ids, v_ballot.proposal_ids);
  -- Replaced when the ballot was changed after it: by the next receipt, given at that change.
  select r.issued_at into v_replaced_at from private.pb_receipts r
  where r.ballot_id = v_receipt.ballot_id and r.number > v_receipt.number
  order by r.number limit 1;
  if not found then
    select max(r.counted_at) into v_counted_at from private.pb_results r
    where r.process_id = v_ballot.process_id and r.counted_at > coalesce(v_ballot.changed_at, v_ballot.cast_at);
  end if;
  return jsonb_build_object(
    'process', (select jsonb_build_object('id', p.id, 'slug', p.slug, 'title', p.title, 'currency', p.currency)
                from private.pb_processes p where p.id = v_ballot.process_id),
    'cast_at', v_receipt.issued_at,
    'channel', v_ballot.channel,
    'proposals', (select coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'number', p.number, 'title', p.title,
                                                               'checked_cost', p.checked_cost) order by p.number), '[]'::jsonb)
                  from private.pb_proposals p where p.id = any (v_ids)),
    'total', (select coalesce(sum(p.checked_cost), 0) from private.pb_proposals p where p.id = any (v_ids)),
    'replaced', v_replaced_at is not null,
    'replaced_at', v_replaced_at,
    'counted', v_counted_at is not null,
    'counted_at', v_counted_at);
end
$$;
select private.grant_api(array['pb_check_receipt'], array['anon', 'authenticated', 'service_role']);

/** Section - Proposing, for signed-in residents */

-- The ward and category of a proposal must be the process's own, or nothing.
create function private.pb_check_choices(p_process_id uuid, p_ward_id uuid, p_category_id uuid)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if p_ward_id is not null and not exists (select 1 from private.pb_wards w where w.id = p_ward_id and w.process_id = p_process_id) then
    perform private.refuse('P0001', 'ward_not_found', 'Choose one of the areas listed.', 'ward_id');
  end if;
  if p_category_id is not null and not exists (select 1 from private.pb_categories c where c.id = p_category_id and c.process_id = p_process_id) then
    perform private.refuse('P0001', 'category_not_found', 'Choose one of the categories listed.', 'category_id');
  end if;
end
$$;

-- What a resident writes in a proposal, trimmed and checked (required, lengths, money) the one
-- way for a new proposal and an edit alike: a pb_proposals row with just those fields set.
create function private.pb_proposal_fields(
  p_title text, p_summary text, p_details text, p_estimated_cost numeric, p_beneficiaries text
)
returns private.pb_proposals
language plpgsql
immutable
set search_path = ''
as $$
declare
  v private.pb_proposals;
begin
  v.title := private.pb_text(p_title, 'title', 120);
  v.summary := private.pb_text(p_summary, 'summary', 300);
  v.details := private.pb_text(p_details, 'details', 4000);
  v.estimated_cost := private.pb_money(p_estimated_cost, 'estimated_cost');
  v.beneficiaries := coalesce(private.pb_text(p_beneficiaries, 'beneficiaries', 1000, false), '');
  return v;
end
$$;

-- A project that costs more than the whole budget could never be funded: say so while the
-- proposer can still change it, rather than at the feasibility check.
create function private.pb_check_cost(p_process private.pb_processes, p_cost numeric)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_cost > p_process.budget then
    perform private.refuse('P0001', 'cost_over_budget', format('The whole budget is %s, so a project cannot cost more than that.', p_process.budget),
      'estimated_cost', null, jsonb_build_object('budget', p_process.budget));
  end if;
end
$$;

-- A new proposal, numbered within its process, while the process takes proposals. The process
-- row is locked (no key update) so numbers never collide and no phase move interleaves.
create function api.pb_propose(
  p_process_id uuid, p_title text, p_summary text, p_details text, p_estimated_cost numeric,
  p_ward_id uuid default null, p_category_id uuid default null, p_beneficiaries text default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.pb_require_signed_in();
  v private.pb_processes := private.pb_visible_process(p_process_id);
  f private.pb_proposals := private.pb_proposal_fields(p_title, p_summary, p_details, p_estimated_cost, p_beneficiaries);
  v_row private.pb_proposals;
begin
  select * into v from private.pb_processes p where p.id = v.id for no key update;
  perform private.pb_require_phase(v, array['proposals']::private.pb_phase[], 'This process is not taking proposals now.');
  perform private.pb_check_cost(v, f.estimated_cost);
  perform private.pb_check_choices(v.id, p_ward_id, p_category_id);
  insert into private.pb_proposals (process_id, number, author_id, title, summary, details, estimated_cost, ward_id, category_id, beneficiaries)
  values (v.id, (select coalesce(max(p.number), 0) + 1 from private.pb_proposals p where p.process_id = v.id),
          v_person, f.title, f.summary, f.details, f.estimated_cost, p_ward_id, p_category_id, f.beneficiaries)
  returning * into v_row;
  return private.pb_public_proposal_json(v_row) || jsonb_build_object('mine', true);
end
$$;
select private.grant_api(array['pb_propose'], array['anon', 'authenticated']);

-- The author's own proposal, locked for a change: 404 if it is not there or not visible,
-- 403 if it is someone else's.
create function private.pb_own_proposal(p_proposal_id uuid, p_person uuid)
returns private.pb_proposals
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_row private.pb_proposals;
begin
  select * into v_row from private.pb_proposals p where p.id = p_proposal_id for update;
  if v_row.id is null then
    perform private.refuse('PT404', 'proposal_not_found', 'We could not find that proposal.', 'proposal_id');
  end if;
  perform private.pb_visible_process(v_row.process_id);
  if v_row.author_id is distinct from p_person then
    perform private.refuse('PT403', 'not_your_proposal', 'Only the person who made this proposal can change it.', 'proposal_id');
  end if;
  return v_row;
end
$$;

-- The author changes their proposal, while the process still takes proposals and nobody has
-- acted on it yet (review starts with the phase, or earlier with a moderator's decision).
create function api.pb_edit_proposal(
  p_proposal_id uuid, p_title text, p_summary text, p_details text, p_estimated_cost numeric,
  p_ward_id uuid default null, p_category_id uuid default null, p_beneficiaries text default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.pb_require_signed_in();
  v_row private.pb_proposals := private.pb_own_proposal(p_proposal_id, v_person);
  v private.pb_processes;
  f private.pb_proposals := private.pb_proposal_fields(p_title, p_summary, p_details, p_estimated_cost, p_beneficiaries);
begin
  select * into v from private.pb_processes p where p.id = v_row.process_id for key share;
  perform private.pb_require_phase(v, array['proposals']::private.pb_phase[], 'Proposals can be changed only until review starts.');
  if v_row.status <> 'submitted' then
    perform private.refuse('PT409', 'proposal_not_editable', 'This proposal can no longer be changed.', 'proposal_id',
      null, jsonb_build_object('status', v_row.status));
  end if;
  perform private.pb_check_cost(v, f.estimated_cost);
  perform private.pb_check_choices(v.id, p_ward_id, p_category_id);
  update private.pb_proposals p
  set title = f.title, summary = f.summary, details = f.details, estimated_cost = f.estimated_cost, ward_id = p_ward_id,
      category_id = p_category_id, beneficiaries = f.beneficiaries, updated_at = now()
  where p.id = v_row.id
  returning * into v_row;
  return private.pb_public_proposal_json(v_row) || jsonb_build_object('mine', true);
end
$$;
select private.grant_api(array['pb_edit_proposal'], array['anon', 'authenticated']);

-- The author takes their proposal back, before it is shortlisted (a ballot may hold it after).
create function api.pb_withdraw_proposal(p_proposal_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.pb_require_signed_in();
  v_row private.pb_proposals := private.pb_own_proposal(p_proposal_id, v_person);
  v private.pb_processes;
begin
  select * into v from private.pb_processes p where p.id = v_row.process_id for key share;
  perform private.pb_require_phase(v, array['proposals', 'review']::private.pb_phase[],
    'Proposals can be withdrawn only until voting starts.');
  if v_row.status not in ('submitted', 'hidden', 'feasible', 'not_feasible') then
    perform private.refuse('PT409', 'proposal_not_withdrawable', 'This proposal can no longer be withdrawn.', 'proposal_id',
      null, jsonb_build_object('status', v_row.status));
  end if;
  update private.pb_proposals p set status = 'withdrawn', updated_at = now() where p.id = v_row.id returning * into v_row;
  return private.pb_public_proposal_json(v_row) || jsonb_build_object('mine', true);
end
$$;
select private.grant_api(array['pb_withdraw_proposal'], array['anon', 'authenticated']);

-- The caller's own proposals (in one process, or all), with status and every reason given.
create function api.pb_my_proposals(p_process_id uuid default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.pb_require_signed_in();
begin
  if p_process_id is not null then
    perform private.pb_visible_process(p_process_id);
  end if;
  return (select coalesce(jsonb_agg(private.pb_public_proposal_json(p)
                                    || jsonb_build_object('status_reason', p.status_reason, 'mine', true,
                                                          'process', jsonb_build_object('id', pr.id, 'slug', pr.slug, 'title', pr.title, 'phase', pr.phase))
                                    order by p.created_at desc), '[]'::jsonb)
          from private.pb_proposals p join private.pb_processes pr on pr.id = p.process_id
          where p.author_id = v_person and (p_process_id is null or p.process_id = p_process_id)
            and (pr.phase <> 'draft' or private.pb_is_process_officer(pr.id)));
end
$$;
select private.grant_api(array['pb_my_proposals'], array['anon', 'authenticated']);

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
