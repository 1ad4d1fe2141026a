-- After the panel: the recommendation for each application (with reasons and how the panel
-- agreed), the review meetings on the way to Cabinet with councillors' comments, Cabinet's
-- decision, and the full report for people outside the system. Each is recorded with who and when.
-- A conflict of interest keeps the chair and the clerk out of an application as it keeps every
-- other member out, and likewise a reviewing councillor who also sits on the panel.

/** Section - Recommendations */

-- Officers record on the panel's behalf; the chair and clerk are on the panel, so the agreement
-- and the conflict rules bind them as they bind every member. The votes at this moment are
-- kept with the recommendation.
create function api.record_recommendation(p_application_id uuid, p_outcome text, p_reasons text, p_how_agreed text,
                                                      p_amount numeric default null, p_conditions text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_application private.applications := (select a from private.applications a where a.id = p_application_id);
  v_member private.panel_members := private.my_membership(v_application.round_id);
  v_officer boolean := private.is_officer();
  v_tally jsonb;
  v private.recommendations;
begin
  if v_application.id is null or (v_member.id is null and not v_officer) then
    perform private.refuse('PT404', 'application_not_found', 'We could not find that application.');
  end if;
  -- Officers record on the panel's behalf. The chair and clerk are on the panel: the agreement
  -- and the conflict rules bind them as they bind every member.
  if not v_officer then
    if v_member.role not in ('chair', 'clerk') then
      perform private.refuse('PT403', 'not_panel_lead', 'Only the chair, the clerk or a grants officer can record the panel''s recommendation.');
    end if;
    perform private.require_agreement(v_member);
    perform private.require_declared_no_conflict(v_member, p_application_id, 'record the panel''s recommendation on it');
  end if;
  perform private.require_state((select r from private.rounds r where r.id = v_application.round_id), 'panel', 'panel',
    'recommending_not_now', 'Recommendations are recorded at the panel meeting.');
  if coalesce(p_outcome, '') not in ('award', 'not_award', 'award_with_conditions') then
    perform private.refuse('P0001', 'outcome_not_valid', 'Choose the recommendation: award, award with conditions, or not award.', 'outcome');
  end if;
  if p_outcome = 'not_award' and p_amount is not null then
    perform private.refuse('P0001', 'amount_not_wanted', 'Leave the amount empty when the recommendation is not to award.', 'amount');
  end if;
  if p_outcome <> 'not_award' and (p_amount is null or p_amount <= 0) then
    perform private.refuse('P0001', 'amount_needed', 'Enter the amount the panel recommends, in pounds.', 'amount');
  end if;
  if p_amount > v_application.amount_requested then
    perform private.refuse('P0001', 'amount_over_request', format('The amount cannot be more than the £%s asked for.', to_char(v_application.amount_requested, 'FM999,999,990.00')),
      'amount', null, jsonb_build_object('amount_requested', v_application.amount_requested));
  end if;
  if coalesce(p_how_agreed, '') not in ('consensus', 'majority vote') then
    perform private.refuse('P0001', 'how_agreed_not_valid', 'Say how the panel agreed: consensus or majority vote.', 'how');
  end if;
  perform private.set_audit_context(case when v_officer then 'officer' else v_member.role end);
  -- The votes at this moment, from members without a conflict, are kept with the recommendation.
  select coalesce(jsonb_object_agg(t.vote, t.n), '{}') into v_tally from (
    select pv.vote, count(*) as n from private.panel_votes pv join private.panel_members m on m.id = pv.member_id
    where pv.application_id = p_application_id and m.removed_at is null
      and not exists (select 1 from private.conflict_declarations d where d.member_id = pv.member_id
                      and d.application_id = pv.application_id and d.has_conflict)
    group by pv.vote) t;
  insert into private.recommendations as r (application_id, round_id, outcome, amount, conditions, reasons, how_agreed, vote_tally, recorded_by)
  values (p_application_id, v_application.round_id, p_outcome, p_amount,
          case when p_outcome = 'award_with_conditions' then private.clean_text(p_conditions, 'the conditions', 4000, p_field => 'conditions') end,
          private.clean_text(p_reasons, 'the panel''s reasons', 6000, p_field => 'reasons'), p_how_agreed, v_tally, private.caller())
  on conflict (application_id) do update set outcome = excluded.outcome, amount = excluded.amount, conditions = excluded.conditions,
    reasons = excluded.reasons, how_agreed = excluded.how_agreed, vote_tally = excluded.vote_tally,
    recorded_by = excluded.recorded_by, recorded_at = now()
  returning * into v;
  return to_jsonb(v);
end
$$;

select private.grant_api(array['record_recommendation'], array['authenticated', 'service_role']);

/** Section - Review meetings and comments */

-- The meetings on the way to Cabinet, recorded by officers between the panel and the decision.
create function api.add_review_meeting(p_round_id uuid, p_title text, p_meeting_date date, p_notes text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_round private.rounds := (select r from private.rounds r where r.id = p_round_id);
  v private.review_meetings;
begin
  perform private.require_officer('record review meetings');
  if v_round.id is null then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  perform private.require_state(v_round, 'recommended', 'recommended', 'review_meetings_not_now', 'Review meetings happen after the panel''s recommendations and before Cabinet decides.');
  if p_meeting_date is null then
    perform private.refuse('P0001', 'required', 'Enter the date of the meeting.', 'date');
  end if;
  insert into private.review_meetings (round_id, title, meeting_date, notes, created_by)
  values (p_round_id, private.clean_text(p_title, 'the name of the meeting', 200, p_field => 'title'), p_meeting_date,
          private.clean_text(p_notes, 'the notes', 6000, false, p_field => 'notes'), private.caller())
  returning * into v;
  return to_jsonb(v);
end
$$;

select private.grant_api(array['add_review_meeting'], array['authenticated', 'service_role']);

-- The review meetings and each application's recommendation, comments and decision.
create function private.recommendations_data(p_round_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'meetings', coalesce((select jsonb_agg(jsonb_build_object('id', mt.id, 'title', mt.title, 'meeting_date', mt.meeting_date,
                            'notes', mt.notes) order by mt.meeting_date, mt.title)
                          from private.review_meetings mt where mt.round_id = p_round_id), '[]'),
    'recommendations', coalesce((select jsonb_agg(jsonb_build_object(
        'application_id', a.id, 'reference', a.reference, 'organisation_name', a.organisation_name,
        'project_title', a.project_title, 'amount_requested', a.amount_requested,
        'outcome', r.outcome, 'amount', r.amount, 'conditions', r.conditions, 'reasons', r.reasons,
        'how_agreed', r.how_agreed, 'vote_tally', r.vote_tally, 'recorded_at', r.recorded_at,
        'recorded_by_name', private.person_name(r.recorded_by),
        'comments', coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'display_name', private.person_name(c.person_id),
                                'meeting_id', c.meeting_id, 'meeting_title', mt.title, 'comment', c.comment, 'created_at', c.created_at)
                              order by c.created_at)
                              from private.review_comments c left join private.review_meetings mt on mt.id = c.meeting_id
                              where c.application_id = a.id), '[]'),
        'cabinet_decision', (select jsonb_build_object('decision', d.decision, 'amount', d.amount, 'conditions', d.conditions,
                               'decided_on', d.decided_on, 'minute_reference', d.minute_reference)
                             from private.cabinet_decisions d where d.application_id = a.id))
        order by a.reference)
      from private.applications a left join private.recommendations r on r.application_id = a.id
      where a.round_id = p_round_id), '[]'))
$$;

-- The review path: councillors named as reviewers of the round, its chair and clerk, and officers.
create function private.require_review_reader(p_round_id uuid)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round private.rounds := private.visible_round(p_round_id);
  v_role text := case when private.is_officer() then 'officer' when private.is_reviewer(p_round_id) then 'reviewer'
                      else (private.my_membership(p_round_id)).role end;
begin
  if coalesce(v_role not in ('officer', 'reviewer', 'chair', 'clerk'), true) then
    perform private.refuse('PT403', 'may_not_read_recommendations', 'Only the councillors reviewing this round, its chair and clerk, and grants officers can read the recommendations.');
  end if;
  if v_role in ('chair', 'clerk') then
    perform private.require_agreement(private.my_membership(p_round_id));
  end if;
  -- The chair, clerk and officers follow the recommendations as they are recorded on the panel
  -- day; reviewing councillors read them once the panel has finished.
  perform private.require_state(v_round,
    (case when v_role = 'reviewer' then 'recommended' else 'panel' end)::private.round_state, 'published',
    'recommendations_not_ready', 'The panel''s recommendations are not ready yet.');
  perform private.set_audit_context(v_role);
  return v_role;
end
$$;

-- The chair and clerk (and a reviewing councillor who is also on the panel) see nothing of an
-- application they declared a conflict with; officers see everything.
create function api.review_recommendations(p_round_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_role text := private.require_review_reader(p_round_id);
  v jsonb;
begin
  perform private.record_read('read', 'recommendations', p_round_id);
  v := private.recommendations_data(p_round_id);
  if v_role <> 'officer' then
    v := jsonb_set(v, '{recommendations}', private.hide_conflicted(p_round_id, v -> 'recommendations'));
  end if;
  return jsonb_build_object('round_id', p_round_id) || v;
end
$$;

select private.grant_api(array['review_recommendations'], array['authenticated', 'service_role']);

-- Reviewing councillors comment on their way to Cabinet, never on an application they declared
-- a conflict with as a member of its panel.
create function api.add_review_comment(p_application_id uuid, p_comment text, p_meeting_id uuid default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_application private.applications := (select a from private.applications a where a.id = p_application_id);
  v private.review_comments;
begin
  perform private.visible_round(v_application.round_id);
  if not private.is_reviewer(v_application.round_id) then
    perform private.refuse('PT403', 'not_reviewer', 'Only the councillors reviewing this round can add comments.', 'comment');
  end if;
  if exists (select 1 from private.conflict_declarations d
             where d.member_id = (private.my_membership(v_application.round_id)).id and d.application_id = p_application_id and d.has_conflict) then
    perform private.refuse('PT403', 'conflict_declared', 'You declared a conflict of interest with this application as a member of its panel, so you cannot comment on it.',
      'comment');
  end if;
  perform private.require_state((select r from private.rounds r where r.id = v_application.round_id), 'recommended', 'recommended',
    'commenting_not_now', 'Comments are added while the recommendations are on their way to Cabinet.');
  if p_meeting_id is not null and not exists (select 1 from private.review_meetings mt where mt.id = p_meeting_id
                                              and mt.round_id = v_application.round_id) then
    perform private.refuse('P0001', 'meeting_not_in_round', 'That meeting is not one of this round''s review meetings.', 'meeting');
  end if;
  perform private.set_audit_context('reviewer');
  insert into private.review_comments (application_id, round_id, meeting_id, person_id, comment)
  values (p_application_id, v_application.round_id, p_meeting_id, private.caller(), private.clean_text(p_comment, 'your comment', 4000, p_field => 'comment'))
  returning * into v;
  return to_jsonb(v);
end
$$;

select private.grant_api(array['add_review_comment'], array['authenticated', 'service_role']);

/** Section - Cabinet's decision */

-- Officers record what Cabinet decided, with the minute that says so.
create function api.record_cabinet_decision(p_application_id uuid, p_decision text, p_decided_on date, p_minute_reference text,
                                             p_amount numeric default null, p_conditions text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_application private.applications := (select a from private.applications a where a.id = p_application_id);
  v private.cabinet_decisions;
begin
  perform private.require_officer('record Cabinet''s decisions');
  if v_application.id is null then
    perform private.refuse('PT404', 'application_not_found', 'We could not find that application.');
  end if;
  perform private.require_state((select r from private.rounds r where r.id = v_application.round_id), 'recommended', 'recommended',
    'cabinet_decisions_not_now', 'Cabinet''s decisions are recorded after the review meetings, while the round is at the recommended stage.');
  if coalesce(p_decision, '') not in ('award', 'not_award') then
    perform private.refuse('P0001', 'decision_not_valid', 'Choose Cabinet''s decision: award or not award.', 'decision');
  end if;
  if (p_decision = 'award') <> (p_amount is not null and p_amount > 0) then
    perform private.refuse('P0001', 'amount_awarded_not_valid', 'Enter the amount awarded in pounds for an award, and no amount otherwise.', 'amount');
  end if;
  if p_decided_on is null then
    perform private.refuse('P0001', 'required', 'Enter the date of the Cabinet meeting.', 'date');
  end if;
  insert into private.cabinet_decisions as d (application_id, round_id, decision, amount, conditions, decided_on, minute_reference, recorded_by)
  values (p_application_id, v_application.round_id, p_decision, p_amount, private.clean_text(p_conditions, 'the conditions', 4000, false, p_field => 'conditions'),
          p_decided_on, private.clean_text(p_minute_reference, 'the minute reference', 100, p_field => 'minute'), private.caller())
  on conflict (application_id) do update set decision = excluded.decision, amount = excluded.amount, conditions = excluded.conditions,
    decided_on = excluded.decided_on, minute_reference = excluded.minute_reference, recorded_by = excluded.recorded_by, recorded_at = now()
  returning * into v;
  return to_jsonb(v);
end
$$;

select private.grant_api(array['record_cabinet_decision'], array['authenticated', 'service_role']);

-- Cabinet usually agrees the recommendations as they stand: one date and one minute reference
-- record that for every application not yet decided, so the officer then changes only the
-- exceptions one by one (api.record_cabinet_decision). A decision already recorded is an
-- exception and is left as it is. Every application has a recommendation by now: the round
-- cannot reach the recommended stage without them.
create function api.record_cabinet_agreed(p_round_id uuid, p_decided_on date, p_minute_reference text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_round private.rounds := (select r from private.rounds r where r.id = p_round_id);
  v_minute text;
  v_recorded int;
begin
  perform private.require_officer('record Cabinet''s decisions');
  if v_round.id is null then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  perform private.require_state(v_round, 'recommended', 'recommended',
    'cabinet_decisions_not_now', 'Cabinet''s decisions are recorded after the review meetings, while the round is at the recommended stage.');
  if p_decided_on is null then
    perform private.refuse('P0001', 'required', 'Enter the date of the Cabinet meeting.', 'date');
  end if;
  v_minute := private.clean_text(p_minute_reference, 'the minute reference', 100, p_field => 'minute');
  insert into private.cabinet_decisions (application_id, round_id, decision, amount, conditions, decided_on, minute_reference, recorded_by)
  select r.application_id, r.round_id, case when r.outcome = 'not_award' then 'not_award' else 'award' end,
         case when r.outcome = 'not_award' then null else r.amount end, r.conditions, p_decided_on, v_minute, private.caller()
  from private.recommendations r
  where r.round_id = p_round_id
    and not exists (select 1 from private.cabinet_decisions d where d.application_id = r.application_id)
  order by r.application_id;
  get diagnostics v_recorded = row_count;
  return jsonb_build_object('round_id', p_round_id, 'recorded', v_recorded);
end
$$;

select private.grant_api(array['record_cabinet_agreed'], array['authenticated', 'service_role']);

/** Section - The report */

-- Everything the later meetings and Cabinet need, in one document. Each export is recorded. The
-- report hides from the chair or clerk who exports it the results and recommendation of an
-- application they declared a conflict with, as api.round_results does. The conflicts declared
-- are all listed, by name, as the minutes record them.
create function api.export_round_report(p_round_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_round private.rounds := private.visible_round(p_round_id);
  v_role text;
  v_results jsonb;
  v_recommendations jsonb;
begin
  v_role := private.require_panel_lead(p_round_id, 'export the round''s report');
  perform private.require_may_see_scores(v_round, 'report_not_ready', 'The report can be exported once scoring has closed.');
  perform private.record_read('export', 'round report', p_round_id);
  v_results := private.results_as_seen(p_round_id, private.round_results_data(p_round_id), true);
  v_recommendations := private.recommendations_data(p_round_id);
  if v_role <> 'officer' then
    v_recommendations := jsonb_set(v_recommendations, '{recommendations}', private.hide_conflicted(p_round_id, v_recommendations -> 'recommendations'));
  end if;
  return jsonb_build_object(
    'exported_at', now(),
    'round', to_jsonb(v_round) - 'agreement_text',
    'fund', (select jsonb_build_object('slug', f.slug, 'name', f.name, 'budget', f.budget, 'budget_period', f.budget_period)
             from private.funds f where f.id = v_round.fund_id),
    'results', v_results,
    'conflicts', private.conflicts_data(p_round_id)) || v_recommendations;
end
$$;

select private.grant_api(array['export_round_report'], array['authenticated', 'service_role']);
