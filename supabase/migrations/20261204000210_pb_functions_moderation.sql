-- Participatory budgeting, part 3 (continued): officers moderate proposals (hide, merge,
-- feasibility with a checked cost) and build the shortlist. Helpers come from
-- …000050_pb_access.sql and …000200_pb_functions_process.sql; words in src/lib/refusals/pb-officers.ts.

/** Section - Moderating proposals */

-- A proposal and its process, for one of that process's officers (404 for an unknown id,
-- 403 for someone who does not run the process). The process row is locked as usual.
create function private.pb_officer_proposal(p_proposal_id uuid, p_doing text)
returns private.pb_proposals
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_proposal private.pb_proposals;
begin
  select * into v_proposal from private.pb_proposals p where p.id = p_proposal_id;
  if v_proposal.id is null then
    if private.caller() is null then
      perform private.refuse('PT401', 'sign_in_needed', 'Sign in to do this.');
    end if;
    perform private.refuse('PT404', 'proposal_not_found', 'We could not find that proposal.', 'proposal_id');
  end if;
  perform private.pb_require_process_officer(v_proposal.process_id, p_doing);
  select * into v_proposal from private.pb_proposals p where p.id = p_proposal_id for update;
  return v_proposal;
end
$$;

-- Refuses unless the proposal is in one of the statuses.
create function private.pb_require_status(p_proposal private.pb_proposals, p_statuses private.pb_proposal_status[], p_message text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if not p_proposal.status = any (p_statuses) then
    perform private.refuse('PT409', 'wrong_status', p_message, 'proposal_id', null,
      jsonb_build_object('status', p_proposal.status, 'allowed', p_statuses));
  end if;
end
$$;

-- What officers see of a proposal.
create function private.pb_proposal_json(p_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select to_jsonb(p) - 'search' || jsonb_build_object('author_name', pe.display_name,
    'ward', w.name, 'category', c.name, 'merged_into_number', m.number)
  from private.pb_proposals p
  left join private.people pe on pe.id = p.author_id
  left join private.pb_wards w on w.id = p.ward_id
  left join private.pb_categories c on c.id = p.category_id
  left join private.pb_proposals m on m.id = p.merged_into
  where p.id = p_id
$$;

-- Hidden proposals appear in no public list; the reason is shown to the proposer. Anything can
-- be hidden from when proposals open, except a project on the ballot once voting has started:
-- taking it off would change what people are voting on.
create function api.pb_hide_proposal(p_proposal_id uuid, p_reason text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_proposals := private.pb_officer_proposal(p_proposal_id, 'moderate its proposals');
  v_process private.pb_processes := (select p from private.pb_processes p where p.id = v.process_id);
  v_reason text := private.pb_text(p_reason, 'reason', 1000);
begin
  perform private.pb_require_status(v, array['submitted', 'feasible', 'not_feasible', 'shortlisted']::private.pb_proposal_status[],
    'Only a proposal that is still in play can be hidden.');
  if v.status = 'shortlisted' and private.pb_phase_rank(v_process.phase) >= private.pb_phase_rank('voting') then
    perform private.refuse('PT409', 'on_the_ballot', 'This project is on the ballot, so it cannot be hidden now that voting has started.', 'proposal_id');
  end if;
  update private.pb_proposals p set status = 'hidden', status_reason = v_reason, updated_at = now() where p.id = v.id;
  return private.pb_proposal_json(v.id);
end
$$;
select private.grant_api(array['pb_hide_proposal'], array['authenticated', 'service_role']);

-- Unhiding puts the proposal back as submitted, to be checked again: what it was before is not
-- assumed to still hold.
create function api.pb_unhide_proposal(p_proposal_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_proposals := private.pb_officer_proposal(p_proposal_id, 'moderate its proposals');
begin
  perform private.pb_require_status(v, array['hidden']::private.pb_proposal_status[], 'Only a hidden proposal can be shown again.');
  update private.pb_proposals p set status = 'submitted', status_reason = null, updated_at = now() where p.id = v.id;
  return private.pb_proposal_json(v.id);
end
$$;
select private.grant_api(array['pb_unhide_proposal'], array['authenticated', 'service_role']);

-- A duplicate is merged into another proposal of the same process, before voting. Proposals
-- already merged into the duplicate follow it, so "merged into" always names one in play.
create function api.pb_merge_proposal(p_proposal_id uuid, p_into_id uuid, p_reason text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_proposals := private.pb_officer_proposal(p_proposal_id, 'moderate its proposals');
  v_process private.pb_processes := (select p from private.pb_processes p where p.id = v.process_id);
  v_into private.pb_proposals;
  v_reason text := private.pb_text(p_reason, 'reason', 1000, false);
begin
  perform private.pb_require_phase(v_process, array['proposals', 'review']::private.pb_phase[], 'Duplicates can be merged while proposals are open or in review.');
  select * into v_into from private.pb_proposals p where p.id = p_into_id and p.process_id = v.process_id for update;
  if v_into.id is null then
    perform private.refuse('PT404', 'proposal_not_found', 'We could not find the proposal to merge into in this process.', 'into_id');
  end if;
  if v_into.id = v.id then
    perform private.refuse('P0001', 'merge_into_itself', 'A proposal cannot be merged into itself.', 'into_id');
  end if;
  perform private.pb_require_status(v, array['submitted', 'feasible', 'not_feasible', 'shortlisted']::private.pb_proposal_status[],
    'Only a proposal that is still in play can be merged.');
  if v_into.status in ('hidden', 'withdrawn', 'merged') then
    perform private.refuse('PT409', 'merge_target_unavailable', 'Merge into a proposal that is still in play.', 'into_id', null,
      jsonb_build_object('status', v_into.status));
  end if;
  update private.pb_proposals p set status = 'merged', merged_into = v_into.id, status_reason = v_reason, updated_at = now() where p.id = v.id;
  update private.pb_proposals p set merged_into = v_into.id, updated_at = now() where p.merged_into = v.id and p.id <> v.id;
  return private.pb_proposal_json(v.id);
end
$$;
select private.grant_api(array['pb_merge_proposal'], array['authenticated', 'service_role']);

-- Feasible needs the checked cost (what the council would really pay); not feasible needs a
-- reason everyone can read. A shortlisted project must come off the shortlist first, so the
-- shortlist never holds an unchecked decision.
create function api.pb_decide_feasibility(p_proposal_id uuid, p_feasible boolean, p_checked_cost numeric default null, p_reason text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_proposals := private.pb_officer_proposal(p_proposal_id, 'check its proposals');
  v_process private.pb_processes := (select p from private.pb_processes p where p.id = v.process_id);
  v_reason text;
begin
  perform private.pb_require_phase(v_process, array['proposals', 'review']::private.pb_phase[], 'Feasibility is decided while proposals are open or in review.');
  perform private.pb_require_status(v, array['submitted', 'feasible', 'not_feasible']::private.pb_proposal_status[],
    'Take the project off the shortlist before changing its feasibility, or show it again if it is hidden.');
  if p_feasible is null then
    perform private.refuse('P0001', 'required', 'Say whether the project is feasible.', 'feasible');
  elsif p_feasible then
    v_reason := private.pb_text(p_reason, 'reason', 1000, false);
    update private.pb_proposals p set status = 'feasible', checked_cost = private.pb_money(p_checked_cost, 'checked_cost'),
      feasibility_note = v_reason, status_reason = null, updated_at = now() where p.id = v.id;
  else
    v_reason := private.pb_text(p_reason, 'reason', 1000);
    update private.pb_proposals p set status = 'not_feasible', status_reason = v_reason, feasibility_note = v_reason,
      checked_cost = private.pb_money(p_checked_cost, 'checked_cost', false), updated_at = now() where p.id = v.id;
  end if;
  return private.pb_proposal_json(v.id);
end
$$;
select private.grant_api(array['pb_decide_feasibility'], array['authenticated', 'service_role']);

-- Only feasible projects go on the shortlist, and it is built before voting: once voting
-- starts, the ballot is what it is.
create function api.pb_set_shortlisted(p_proposal_id uuid, p_shortlisted boolean)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_proposals := private.pb_officer_proposal(p_proposal_id, 'build its shortlist');
  v_process private.pb_processes := (select p from private.pb_processes p where p.id = v.process_id);
begin
  perform private.pb_require_phase(v_process, array['proposals', 'review']::private.pb_phase[], 'The shortlist is built before voting opens.');
  if p_shortlisted is null then
    perform private.refuse('P0001', 'required', 'Say whether the project goes on the shortlist.', 'shortlisted');
  elsif p_shortlisted then
    if v.status <> 'feasible' then
      perform private.refuse('PT409', 'not_feasible_yet', 'Only a project found feasible, with a checked cost, can be shortlisted.',
        'proposal_id', null, jsonb_build_object('status', v.status));
    end if;
    update private.pb_proposals p set status = 'shortlisted', updated_at = now() where p.id = v.id;
  else
    perform private.pb_require_status(v, array['shortlisted']::private.pb_proposal_status[], 'That project is not on the shortlist.');
    update private.pb_proposals p set status = 'feasible', updated_at = now() where p.id = v.id;
  end if;
  return private.pb_proposal_json(v.id);
end
$$;
select private.grant_api(array['pb_set_shortlisted'], array['authenticated', 'service_role']);

-- The officers' queue: every proposal of the process in any status, filtered, a page at a
-- time, with how many there are in each status.
create function api.pb_officer_proposals(p_process_id uuid, p_status text default null, p_ward_id uuid default null,
                                         p_category_id uuid default null, p_search text default null,
                                         p_page int default 1, p_page_size int default 25)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'see its proposals');
  v_search text := private.pb_text(p_search, 'search', 200, false);
  v_query tsquery := case when v_search is not null then websearch_to_tsquery('english', v_search) end;
  v_total int;
  v_rows jsonb;
begin
  if p_status is not null and not p_status = any (enum_range(null::private.pb_proposal_status)::text[]) then
    perform private.refuse('P0001', 'unknown_status', 'Choose a status from the list.', 'status');
  end if;
  if p_page is null or p_page < 1 or p_page > 100000 or p_page_size is null or p_page_size < 1 or p_page_size > 100 then
    perform private.refuse('P0001', 'bad_page', 'Ask for a page from 1, of 1 to 100 proposals.', 'page');
  end if;
  select count(*), coalesce(jsonb_agg(private.pb_proposal_json(x.id) order by x.number) filter (where x.rn > (p_page - 1) * p_page_size and x.rn <= p_page * p_page_size), '[]')
  into v_total, v_rows
  from (select p.id, p.number, row_number() over (order by p.number) as rn
        from private.pb_proposals p
        where p.process_id = v.id
          and (p_status is null or p.status::text = p_status)
          and (p_ward_id is null or p.ward_id = p_ward_id)
          and (p_category_id is null or p.category_id = p_category_id)
          and (v_query is null or p.search @@ v_query or p.title ilike '%' || v_search || '%')) x;
  return jsonb_build_object('proposals', v_rows, 'total', v_total, 'page', p_page, 'page_size', p_page_size,
    'by_status', coalesce((select jsonb_object_agg(s.status, s.n) from (select p.status, count(*) as n from private.pb_proposals p
                                                                      where p.process_id = v.id group by p.status) s), '{}'));
end
$$;
select private.grant_api(array['pb_officer_proposals'], array['authenticated', 'service_role']);

-- Per-schema default privileges cannot take away PUBLIC's execute right, so each topic file
-- ends by taking it away from what it made.
revoke execute on all functions in schema private from public;
