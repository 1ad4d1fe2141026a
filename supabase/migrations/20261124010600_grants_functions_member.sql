-- What a panel member does before scoring: accept the round's confidentiality agreement, see
-- the list of applications, declare any conflict of interest, then open each pack. Every pack
-- opened leaves a read record.

/** Section - The agreement */

-- The acceptance stores the hash of the wording accepted, so changed wording must be accepted again.
create function api.accept_confidentiality(p_round_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_round private.rounds := private.visible_round(p_round_id);
  v_member private.panel_members := private.require_member(p_round_id);
  v_hash text := encode(extensions.digest(v_round.agreement_text, 'sha256'), 'hex');
  v private.confidentiality_acceptances;
begin
  perform private.set_audit_context(v_member.role);
  -- Accepting the same wording twice changes nothing; new wording replaces the old acceptance.
  insert into private.confidentiality_acceptances (member_id, round_id, agreement_sha256)
  values (v_member.id, p_round_id, v_hash)
  on conflict (member_id) do update set agreement_sha256 = excluded.agreement_sha256, accepted_at = now()
    where private.confidentiality_acceptances.agreement_sha256 <> excluded.agreement_sha256;
  select * into v from private.confidentiality_acceptances c where c.member_id = v_member.id;
  return jsonb_build_object('round_id', p_round_id, 'member_id', v_member.id, 'accepted_at', v.accepted_at,
                            'agreement_sha256', v.agreement_sha256);
end
$$;

select private.grant_api(array['accept_confidentiality'], array['authenticated', 'service_role']);

/** Section - The member's list and declarations */

-- Members see the applications from the start of scoring; before that officers are still
-- preparing the packs.
create function private.require_packs_ready(p_round private.rounds)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  perform private.require_state(p_round, 'scoring', 'published',
    'applications_not_ready', 'The applications for this round are not ready yet. You will see them when scoring opens.');
end
$$;

-- The caller's list of the round's applications with their own progress. Names and titles show
-- so that members can say whether they have a conflict before reading anything more.
create function api.my_applications(p_round_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_round private.rounds := private.visible_round(p_round_id);
  v_member private.panel_members := private.require_member(p_round_id);
  v_criteria int := (select count(*) from private.criteria c where c.round_id = p_round_id);
begin
  perform private.require_agreement(v_member);
  perform private.require_packs_ready(v_round);
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'id', a.id, 'reference', a.reference, 'organisation_name', a.organisation_name,
      'project_title', a.project_title, 'amount_requested', a.amount_requested, 'area', a.area,
      'declaration', case when d.has_conflict then 'conflict' when d.has_conflict = false then 'no conflict' end,
      'status', case when v_member.seat is null then null
                     when d.has_conflict then 'conflict declared'
                     when s.reopen_requested_at is not null then 'reopen requested'
                     when s.submitted_at is not null then 'submitted'
                     when sc.n > 0 then 'draft'
                     else 'not started' end,
      'criteria_scored', coalesce(sc.n, 0), 'criteria_total', v_criteria,
      'submitted_at', s.submitted_at, 'reopen_requested_at', s.reopen_requested_at) order by a.reference)
    from private.applications a
    left join private.conflict_declarations d on d.application_id = a.id and d.member_id = v_member.id
    left join private.score_submissions s on s.application_id = a.id and s.member_id = v_member.id
    left join lateral (select count(*) as n from private.scores x
                       where x.application_id = a.id and x.member_id = v_member.id) sc on true
    where a.round_id = p_round_id), '[]');
end
$$;

select private.grant_api(array['my_applications'], array['authenticated', 'service_role']);

-- No conflict, or a conflict with its reason. A declared conflict cannot be taken back by the
-- member (talk to the grants officer); declaring one withdraws any panel vote already cast.
create function api.declare_interest(p_application_id uuid, p_has_conflict boolean, p_reason text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_application private.applications := private.member_application(p_application_id);
  v_member private.panel_members := private.my_membership(v_application.round_id);
  v_round private.rounds := (select r from private.rounds r where r.id = v_application.round_id);
  v private.conflict_declarations;
begin
  perform private.require_agreement(v_member);
  perform private.require_state(v_round, 'scoring', 'panel',
    'declaring_not_now', 'Conflicts of interest are declared while the round is being scored or at the panel meeting.');
  if p_has_conflict is null then
    perform private.refuse('P0001', 'conflict_answer_needed', 'Say whether you have a conflict of interest with this application: yes or no.', 'answer');
  end if;
  perform private.set_audit_context(v_member.role);
  select * into v from private.conflict_declarations d where d.member_id = v_member.id and d.application_id = p_application_id;
  if v.has_conflict and not p_has_conflict then
    perform private.refuse('PT409', 'conflict_cannot_be_withdrawn', 'You have already declared a conflict of interest with this application, and it cannot be withdrawn.',
      'answer', 'If it was a mistake, talk to the grants officer.');
  elsif v.has_conflict is not null and v.has_conflict = p_has_conflict then
    null; -- the same answer again: nothing to record
  elsif v.has_conflict is null then
    insert into private.conflict_declarations (member_id, application_id, round_id, has_conflict, reason)
    values (v_member.id, p_application_id, v_application.round_id, p_has_conflict,
            case when p_has_conflict then private.clean_text(p_reason, 'why you have a conflict of interest', 1000, p_field => 'reason') end)
    returning * into v;
  else
    update private.conflict_declarations d set has_conflict = true, declared_at = now(),
      reason = private.clean_text(p_reason, 'why you have a conflict of interest', 1000, p_field => 'reason')
    where d.member_id = v_member.id and d.application_id = p_application_id
    returning * into v;
    delete from private.panel_votes pv where pv.member_id = v_member.id and pv.application_id = p_application_id;
  end if;
  return jsonb_build_object('application_id', p_application_id, 'member_id', v_member.id,
                            'has_conflict', v.has_conflict, 'reason', v.reason, 'declared_at', v.declared_at);
end
$$;

select private.grant_api(array['declare_interest'], array['authenticated', 'service_role']);

/** Section - Packs */

-- The pack: what the panel needs to judge the application, never the applicant's contact
-- details (they are in another table this function does not read).
create function private.application_pack(p_application private.applications)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_application.id, 'reference', p_application.reference, 'round_id', p_application.round_id,
    'organisation_name', p_application.organisation_name, 'organisation_type', p_application.organisation_type,
    'charity_number', p_application.charity_number, 'company_number', p_application.company_number,
    'project_title', p_application.project_title, 'summary', p_application.summary,
    'description', p_application.description, 'amount_requested', p_application.amount_requested,
    'budget_lines', p_application.budget_lines, 'outcomes', p_application.outcomes,
    'beneficiaries', p_application.beneficiaries, 'area', p_application.area, 'received_at', p_application.received_at,
    'criteria', coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'position', c.position, 'title', c.title,
                            'guidance', c.guidance, 'weight', c.weight, 'maximum', c.maximum, 'descriptors', c.descriptors)
                          order by c.position, c.title)
                          from private.criteria c where c.round_id = p_application.round_id), '[]'))
$$;

-- A member opens a pack after the agreement and a "no conflict" answer; each opening is recorded.
create function api.open_application_pack(p_application_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_application private.applications;
  v_member private.panel_members;
begin
  select * into v_application from private.applications a where a.id = p_application_id;
  v_member := private.my_membership(v_application.round_id);
  -- Officers may read any pack (to see what the panel sees); the read is recorded all the same.
  if v_application.id is not null and v_member.id is null and private.is_officer() then
    perform private.set_audit_context('officer');
    perform private.record_read('read', 'application pack', v_application.round_id, v_application.id);
    return private.application_pack(v_application);
  end if;
  v_application := private.member_application(p_application_id);
  perform private.require_agreement(v_member);
  perform private.require_packs_ready((select r from private.rounds r where r.id = v_application.round_id));
  perform private.require_no_conflict(v_member, p_application_id);
  perform private.set_audit_context(v_member.role);
  perform private.record_read('read', 'application pack', v_application.round_id, v_application.id);
  return private.application_pack(v_application) || jsonb_build_object(
    'my_scores', coalesce((select jsonb_agg(jsonb_build_object('criterion_id', s.criterion_id, 'score', s.score,
                             'comment', s.comment, 'updated_at', s.updated_at))
                           from private.scores s where s.application_id = p_application_id and s.member_id = v_member.id), '[]'),
    'my_submission', (select jsonb_build_object('submitted_at', s.submitted_at, 'reopen_requested_at', s.reopen_requested_at,
                        'reopen_request_reason', s.reopen_request_reason, 'reopened_at', s.reopened_at, 'reopen_count', s.reopen_count)
                      from private.score_submissions s where s.application_id = p_application_id and s.member_id = v_member.id),
    'my_vote', (select v.vote from private.panel_votes v where v.application_id = p_application_id and v.member_id = v_member.id));
end
$$;

select private.grant_api(array['open_application_pack'], array['authenticated', 'service_role']);
