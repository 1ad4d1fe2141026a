-- Participatory budgeting: what anyone can read. Processes, proposals (never hidden ones, but
-- to their author), the shortlist, and what the ballot with a receipt code held. Proposing is in
-- 20261204000110_pb_functions_proposing.sql, voting in 20261204000120_pb_functions_voting.sql.
--
-- Refusals (besides the shared ones in 20261204000050_pb_access.sql):
--   PT404 proposal_not_found, receipt_not_found ·
--   P0001 (400) unknown_status, page_out_of_range, page_size_out_of_range

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

revoke execute on all functions in schema private from public;
