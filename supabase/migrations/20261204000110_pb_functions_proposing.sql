-- Participatory budgeting: a signed-in resident proposes a project, edits it until review starts,
-- withdraws it, and sees their own proposals with their status and reasons. Every write leaves its
-- audit event through the table's trigger.
--
-- Granted to anon too, so a signed-out caller gets the keyed 401 (sign_in_needed) from
-- private.pb_require_signed_in rather than a bare missing-grant error.
--
-- Refusals (besides the shared ones in 20261204000050_pb_access.sql):
--   PT404 proposal_not_found · PT403 not_your_proposal ·
--   PT409 proposal_not_editable, proposal_not_withdrawable ·
--   P0001 (400) ward_not_found, category_not_found, cost_over_budget

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

revoke execute on all functions in schema private from public;
