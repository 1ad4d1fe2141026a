-- A conflict of interest keeps the chair and the clerk out of the application, as it keeps
-- every other member out. The earlier migrations let them record a recommendation, grant a
-- reopen, and read the export and the recommendations for an application they had declared a
-- conflict with (and record a recommendation without having accepted the agreement), and the
-- audit trail called the chair who recorded a recommendation "clerk". The functions below
-- replace those (same names and arguments, so grants and callers are unchanged). A reviewing
-- councillor who also sits on the panel is likewise kept out of an application they declared a
-- conflict with: they neither read its recommendation nor comment on it.

-- The caller must have said, for this application, that they have no conflict. Used where the
-- chair or clerk acts on an application without opening its pack; an officer is not asked.
create function private.require_declared_no_conflict(p_member private.panel_members, p_application_id uuid, p_doing text)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_conflict boolean;
begin
  select d.has_conflict into v_conflict from private.conflict_declarations d
  where d.member_id = p_member.id and d.application_id = p_application_id;
  if v_conflict is null then
    perform private.fail('PT403', format('Tell us whether you have a conflict of interest with this application before you %s.', p_doing),
      'Answer the conflict of interest question for it in the round''s list of applications.');
  elsif v_conflict then
    perform private.fail('PT403', format('You declared a conflict of interest with this application, so you cannot %s.', p_doing),
      'The other panel lead or the grants officer can do it instead.');
  end if;
end
$$;

-- A list of per-application objects (each with application_id) as the caller may see it: an
-- application the caller declared a conflict with keeps only what identifies it, as in
-- api.round_results. Officers are not panel members, so callers skip this for them.
create function private.hide_conflicted(p_round_id uuid, p_items jsonb)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(case when d.application_id is not null
                                 then jsonb_build_object('application_id', i.value -> 'application_id', 'reference', i.value -> 'reference',
                                        'organisation_name', i.value -> 'organisation_name', 'project_title', i.value -> 'project_title',
                                        'conflict_declared', true)
                                 else i.value end order by i.n), '[]')
  from jsonb_array_elements(coalesce(p_items, '[]')) with ordinality as i (value, n)
  left join private.conflict_declarations d
    on d.application_id = (i.value ->> 'application_id')::uuid and d.has_conflict
   and d.member_id = (private.my_membership(p_round_id)).id
$$;

create or replace function api.record_recommendation(p_application_id uuid, p_outcome text, p_reasons text, p_how_agreed text,
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
    perform private.fail('PT404', 'We could not find that application.');
  end if;
  -- Officers record on the panel's behalf. The chair and clerk are on the panel: the agreement
  -- and the conflict rules bind them as they bind every member.
  if not v_officer then
    if v_member.role not in ('chair', 'clerk') then
      perform private.fail('PT403', 'Only the chair, the clerk or a grants officer can record the panel''s recommendation.');
    end if;
    perform private.require_agreement(v_member);
    perform private.require_declared_no_conflict(v_member, p_application_id, 'record the panel''s recommendation on it');
  end if;
  perform private.require_state((select r from private.rounds r where r.id = v_application.round_id), array['panel'],
    'Recommendations are recorded at the panel meeting.');
  if coalesce(p_outcome, '') not in ('award', 'not_award', 'award_with_conditions') then
    perform private.fail('P0001', 'Choose the recommendation: award, award with conditions, or not award.');
  end if;
  if p_outcome = 'not_award' and p_amount is not null then
    perform private.fail('P0001', 'Leave the amount empty when the recommendation is not to award.');
  end if;
  if p_outcome <> 'not_award' and (p_amount is null or p_amount <= 0) then
    perform private.fail('P0001', 'Enter the amount the panel recommends, in pounds.');
  end if;
  if p_amount > v_application.amount_requested then
    perform private.fail('P0001', format('The amount cannot be more than the £%s asked for.', to_char(v_application.amount_requested, 'FM999,999,990.00')));
  end if;
  if coalesce(p_how_agreed, '') not in ('consensus', 'majority vote') then
    perform private.fail('P0001', 'Say how the panel agreed: consensus or majority vote.');
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
          case when p_outcome = 'award_with_conditions' then private.clean_text(p_conditions, 'the conditions', 4000) end,
          private.clean_text(p_reasons, 'the panel''s reasons', 6000), p_how_agreed, v_tally, auth.uid())
  on conflict (application_id) do update set outcome = excluded.outcome, amount = excluded.amount, conditions = excluded.conditions,
    reasons = excluded.reasons, how_agreed = excluded.how_agreed, vote_tally = excluded.vote_tally,
    recorded_by = excluded.recorded_by, recorded_at = now()
  returning * into v;
  return to_jsonb(v);
end
$$;

-- The chair and clerk (and a reviewing councillor who is also on the panel) see nothing of an
-- application they declared a conflict with; officers see everything.
create or replace function api.review_recommendations(p_round_id uuid)
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

-- The report hides from the chair or clerk who exports it the results and recommendation of an
-- application they declared a conflict with, as api.round_results does. The conflicts declared
-- are all listed, by name, as the minutes record them.
create or replace function api.export_round_report(p_round_id uuid)
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
  perform private.require_state(v_round, array['panel', 'recommended', 'decided', 'published'],
    'The report can be exported once scoring has closed.');
  perform private.record_read('export', 'round report', p_round_id);
  v_results := private.round_results_data(p_round_id);
  v_recommendations := private.recommendations_data(p_round_id);
  if v_role <> 'officer' then
    v_results := private.hide_conflicted(p_round_id, v_results);
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

-- An officer, or the chair for someone other than themselves, grants a pending request. The
-- chair must have accepted the agreement and declared no conflict with the application.
create or replace function api.grant_score_reopen(p_member_id uuid, p_application_id uuid, p_note text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_target private.panel_members := (select m from private.panel_members m where m.id = p_member_id);
  v_officer boolean;
  v_me private.panel_members;
  v private.score_submissions;
begin
  perform private.visible_round(v_target.round_id);
  v_officer := private.is_officer();
  v_me := private.my_membership(v_target.round_id);
  if not v_officer and coalesce(v_me.role, '') <> 'chair' then
    perform private.fail('PT403', 'Only the chair or a grants officer can reopen submitted scores.');
  end if;
  if not v_officer and v_me.id = v_target.id then
    perform private.fail('PT403', 'The chair cannot reopen their own scores. Ask the grants officer.');
  end if;
  if not v_officer then
    perform private.require_agreement(v_me);
    perform private.require_declared_no_conflict(v_me, p_application_id, 'reopen scores for it');
  end if;
  perform private.require_state((select r from private.rounds r where r.id = v_target.round_id), array['scoring'],
    'Scores can only be reopened while the round is being scored.');
  select * into v from private.score_submissions s where s.application_id = p_application_id and s.member_id = p_member_id;
  if v.reopen_requested_at is null then
    perform private.fail('PT409', 'There is no request to reopen these scores.');
  end if;
  perform private.set_audit_context(case when v_officer then 'officer' else 'chair' end,
    jsonb_build_object('request_reason', v.reopen_request_reason, 'note', nullif(btrim(coalesce(p_note, '')), '')));
  update private.score_submissions s set submitted_at = null, reopened_at = now(), reopened_by = auth.uid(),
    reopen_count = s.reopen_count + 1, reopen_requested_at = null
  where s.application_id = p_application_id and s.member_id = p_member_id
  returning * into v;
  return jsonb_build_object('application_id', p_application_id, 'member_id', p_member_id,
                            'reopened_at', v.reopened_at, 'reopen_count', v.reopen_count);
end
$$;

create or replace function api.add_review_comment(p_application_id uuid, p_comment text, p_meeting_id uuid default null)
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
    perform private.fail('PT403', 'Only the councillors reviewing this round can add comments.');
  end if;
  if exists (select 1 from private.conflict_declarations d
             where d.member_id = (private.my_membership(v_application.round_id)).id and d.application_id = p_application_id and d.has_conflict) then
    perform private.fail('PT403', 'You declared a conflict of interest with this application as a member of its panel, so you cannot comment on it.');
  end if;
  perform private.require_state((select r from private.rounds r where r.id = v_application.round_id), array['recommended'],
    'Comments are added while the recommendations are on their way to Cabinet.');
  if p_meeting_id is not null and not exists (select 1 from private.review_meetings mt where mt.id = p_meeting_id
                                              and mt.round_id = v_application.round_id) then
    perform private.fail('P0001', 'That meeting is not one of this round''s review meetings.');
  end if;
  perform private.set_audit_context('reviewer');
  insert into private.review_comments (application_id, round_id, meeting_id, person_id, comment)
  values (p_application_id, v_application.round_id, p_meeting_id, auth.uid(), private.clean_text(p_comment, 'your comment', 4000))
  returning * into v;
  return to_jsonb(v);
end
$$;

revoke execute on all functions in schema private from public;
