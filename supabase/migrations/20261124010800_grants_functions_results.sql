-- For the people running the panel: who has done what (never the values, while scoring is on),
-- the conflicts declared, and after scoring closes the results, with the spread and the split by
-- seat, since community and councillor voices count equally.

/** Section - Progress */

-- What the chair needs to chase people: counts only, never a score, a reason or a decision.
create function api.round_progress(p_round_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_apps int := (select count(*) from private.applications a where a.round_id = p_round_id);
begin
  perform private.require_panel_lead(p_round_id, 'see everyone''s progress');
  return jsonb_build_object(
    'round_id', p_round_id,
    'applications_total', v_apps,
    'members', coalesce((select jsonb_agg(jsonb_build_object(
        'member_id', m.id, 'display_name', p.display_name, 'role', m.role, 'seat', m.seat,
        'accepted', private.has_accepted(m.id) is not null,
        'declared', st.declared, 'conflicts', st.conflicts, 'drafts', st.drafts, 'submitted', st.submitted,
        'to_do', case when m.seat is null then 0 else v_apps - st.conflicts - st.submitted end)
        order by m.role, m.seat, p.display_name)
      from private.panel_members m
      join private.people p on p.id = m.person_id
      cross join lateral (select
        (select count(*) from private.conflict_declarations d where d.member_id = m.id) as declared,
        (select count(*) from private.conflict_declarations d where d.member_id = m.id and d.has_conflict) as conflicts,
        (select count(*) from private.score_submissions s where s.member_id = m.id and s.submitted_at is not null) as submitted,
        (select count(distinct x.application_id) from private.scores x where x.member_id = m.id
           and not private.is_submitted(m.id, x.application_id)) as drafts) st
      where m.round_id = p_round_id and m.removed_at is null), '[]'),
    'applications', coalesce((select jsonb_agg(jsonb_build_object(
        'id', a.id, 'reference', a.reference, 'organisation_name', a.organisation_name, 'project_title', a.project_title,
        'conflicts', (select count(*) from private.conflict_declarations d join private.panel_members m on m.id = d.member_id
                      where d.application_id = a.id and d.has_conflict and m.removed_at is null),
        'submitted', (select count(*) from private.score_submissions s join private.panel_members m on m.id = s.member_id
                      where s.application_id = a.id and s.submitted_at is not null and m.removed_at is null)) order by a.reference)
      from private.applications a where a.round_id = p_round_id), '[]'),
    'reopen_requests', coalesce((select jsonb_agg(jsonb_build_object(
        'member_id', s.member_id, 'display_name', p.display_name, 'application_id', s.application_id,
        'reference', a.reference, 'requested_at', s.reopen_requested_at, 'reason', s.reopen_request_reason)
        order by s.reopen_requested_at)
      from private.score_submissions s join private.panel_members m on m.id = s.member_id
      join private.people p on p.id = m.person_id join private.applications a on a.id = s.application_id
      where s.round_id = p_round_id and s.reopen_requested_at is not null), '[]'));
end
$$;

select private.grant_api(array['round_progress'], array['authenticated', 'service_role']);

/** Section - Conflicts of interest */

-- Every conflict declared in the round, by name and with its reason, as the minutes record them.
create function private.conflicts_data(p_round_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'application_id', a.id, 'reference', a.reference, 'organisation_name', a.organisation_name,
    'project_title', a.project_title, 'member_id', m.id, 'display_name', p.display_name, 'role', m.role,
    'seat', m.seat, 'reason', d.reason, 'declared_at', d.declared_at) order by a.reference, p.display_name), '[]')
  from private.conflict_declarations d
  join private.applications a on a.id = d.application_id
  join private.panel_members m on m.id = d.member_id
  join private.people p on p.id = m.person_id
  where d.round_id = p_round_id and d.has_conflict
$$;

-- The reasons are about the members' own lives and work, so each look is recorded.
create function api.round_conflicts(p_round_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform private.require_panel_lead(p_round_id, 'see the conflicts of interest declared');
  perform private.record_read('read', 'conflicts of interest', p_round_id);
  return private.conflicts_data(p_round_id);
end
$$;

select private.grant_api(array['round_conflicts'], array['authenticated', 'service_role']);

/** Section - Results */

-- The results of a round, one object per application, best first.
--   A member's weighted total, out of 100 = 100 × Σ (score ÷ maximum × weight) ÷ Σ weight,
--   over the round's criteria, worked out when the member submits. Only submitted scores
--   count; members who declared a conflict with the application, and removed members, are
--   left out.
--   mean, min, max and sd (population standard deviation) are over the members counted.
--   community_mean and councillor_mean are the means of each kind of seat; balanced_mean is the
--   average of the two (equal voices), or the one there is. The ranking is by balanced_mean,
--   ties sharing a rank. seat_split_flag is true when the two seat means differ by more than
--   the round's seat margin.
create function private.round_results_data(p_round_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
-- This reads a whole round at once. Without statistics (PGlite never analyses its tables) the
-- planner guesses one row everywhere and picks nested loops, which for 200 applications × 15
-- members × 6 criteria took seconds instead of milliseconds; so when there are no statistics,
-- nested loops are turned off for this transaction. With statistics (a real server) the planner
-- is left alone: there, turning them off made the same call 30 times slower.
-- Totals are kept as numeric; the rounding to 2 places is the last step. PL/pgSQL, not SQL,
-- so that the plan is kept between calls instead of being made afresh each time.
set plan_cache_mode = force_generic_plan
as $$
declare
  v_results jsonb;
begin
  if not exists (select 1 from pg_catalog.pg_stats st where st.schemaname = 'private' and st.tablename = 'score_submissions') then
    perform pg_catalog.set_config('enable_nestloop', 'off', true);
  end if;
  with totals as materialized (
    -- Counted: a member with a seat, not removed, who submitted and declared no conflict. Each
    -- submission carries the member's weighted total, worked out when they submitted.
    select s.application_id, s.member_id, s.weighted_total as total, m.seat, p.display_name
    from private.score_submissions s
    join private.panel_members m on m.id = s.member_id
    join private.people p on p.id = m.person_id
    where s.round_id = p_round_id and s.submitted_at is not null and m.removed_at is null and m.seat is not null
      and not exists (select 1 from private.conflict_declarations d where d.member_id = s.member_id
                      and d.application_id = s.application_id and d.has_conflict)
  ), per_app as materialized (
    select t.application_id, count(*) as n, avg(t.total) as mean, min(t.total) as lo, max(t.total) as hi,
           stddev_pop(t.total) as sd,
           avg(t.total) filter (where t.seat = 'community') as community_mean,
           count(*) filter (where t.seat = 'community') as community_n,
           avg(t.total) filter (where t.seat = 'councillor') as councillor_mean,
           count(*) filter (where t.seat = 'councillor') as councillor_n
    from totals t
    group by t.application_id
  ), per_member as materialized (
    select t.application_id,
           json_agg(json_build_object('member_id', t.member_id, 'display_name', t.display_name, 'seat', t.seat,
                                      'total', round(t.total, 2)) order by t.seat, t.display_name) as per_member
    from totals t
    group by t.application_id
  ), conflicts as materialized (
    select d.application_id, count(*) as n
    from private.conflict_declarations d join private.panel_members m on m.id = d.member_id
    where d.round_id = p_round_id and d.has_conflict and m.removed_at is null and m.seat is not null
    group by d.application_id
  ), votes as materialized (
    select v.application_id, jsonb_object_agg(v.vote, v.n) as tally
    from (select pv.application_id, pv.vote, count(*) as n
          from private.panel_votes pv join private.panel_members m on m.id = pv.member_id
          where pv.round_id = p_round_id and m.removed_at is null and m.seat is not null
            and not exists (select 1 from private.conflict_declarations d where d.member_id = pv.member_id
                            and d.application_id = pv.application_id and d.has_conflict)
          group by pv.application_id, pv.vote) v
    group by v.application_id
  ), ranked as materialized (
    -- Numbers only here; the members' totals join in at the end, so they are copied once.
    select b.*, rank() over (order by b.balanced_mean desc nulls last) as rank
    from (select a.id, a.reference, a.organisation_name, a.project_title, a.amount_requested, pa.n, pa.mean, pa.lo, pa.hi, pa.sd,
                 pa.community_mean, pa.community_n, pa.councillor_mean, pa.councillor_n,
                 case when pa.community_mean is not null and pa.councillor_mean is not null
                      then (pa.community_mean + pa.councillor_mean) / 2
                      else coalesce(pa.community_mean, pa.councillor_mean) end as balanced_mean
          from private.applications a left join per_app pa on pa.application_id = a.id
          where a.round_id = p_round_id) b
  )
  -- Built as json text and turned into jsonb once: jsonb_agg would unpack and repack every
  -- member's totals, which was most of the time this took.
  select coalesce(json_agg(json_build_object(
    'application_id', r.id, 'reference', r.reference, 'organisation_name', r.organisation_name,
    'project_title', r.project_title, 'amount_requested', r.amount_requested,
    'rank', case when r.balanced_mean is not null then r.rank end,
    'members_scored', coalesce(r.n, 0), 'conflicts', coalesce(cf.n, 0),
    'mean', round(r.mean, 2), 'min', round(r.lo, 2), 'max', round(r.hi, 2), 'sd', round(r.sd, 2),
    'community_mean', round(r.community_mean, 2), 'community_scored', coalesce(r.community_n, 0),
    'councillor_mean', round(r.councillor_mean, 2), 'councillor_scored', coalesce(r.councillor_n, 0),
    'balanced_mean', round(r.balanced_mean, 2),
    'seat_difference', round(abs(r.community_mean - r.councillor_mean), 2),
    'seat_split_flag', coalesce(abs(r.community_mean - r.councillor_mean) > margin.seat_margin, false),
    'votes', coalesce(vt.tally, '{}'),
    'per_member', coalesce(pm.per_member, '[]')) order by r.rank, r.reference)::jsonb, '[]')
  into v_results
  from ranked r
  left join per_member pm on pm.application_id = r.id
  left join conflicts cf on cf.application_id = r.id
  left join votes vt on vt.application_id = r.id
  cross join (select ro.seat_margin from private.rounds ro where ro.id = p_round_id) as margin;
  return v_results;
end
$$;

-- The results of a round whose scores the caller may see (private.may_see_scores), as they
-- may see them: an application kept from them (private.scores_kept_from_me: one they declared a
-- conflict with) keeps only what identifies it. Each member's own totals stay only with
-- p_per_member (for those who run the panel).
create function private.results_as_seen(p_round_id uuid, p_results jsonb, p_per_member boolean)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(case when k.id is not null then private.conflict_stub(r.value)
                                 when p_per_member then r.value
                                 else r.value - 'per_member' end order by r.n), '[]')
  from jsonb_array_elements(coalesce(p_results, '[]')) with ordinality as r (value, n)
  left join private.scores_kept_from_me(p_round_id) as k (id) on k.id = (r.value ->> 'application_id')::uuid
$$;

-- Officers, the chair and the clerk see everything, per member included. Other members of the
-- panel see the aggregate (no one else's own scores), and nothing of an application they
-- declared a conflict with. Hidden until scoring closes. Each viewing is recorded.
create function api.round_results(p_round_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_round private.rounds := private.visible_round(p_round_id);
  v_member private.panel_members := private.my_membership(p_round_id);
  v_officer boolean := private.is_officer();
  v_full boolean := v_officer or coalesce(v_member.role in ('chair', 'clerk'), false);
  v_results jsonb;
begin
  -- Everyone on the panel, chair and clerk included, must have accepted the agreement; a
  -- reviewer who is not on the panel reads the recommendations instead.
  if not v_officer then
    v_member := private.require_member(p_round_id);
    perform private.require_agreement(v_member);
  end if;
  perform private.require_may_see_scores(v_round, 'results_hidden', 'Results are hidden until scoring closes, so that everyone scores independently.');
  perform private.set_audit_context(case when v_officer then 'officer' else v_member.role end);
  perform private.record_read('read', 'panel results', p_round_id);
  -- A member (the chair and clerk too) sees nothing of an application they declared a
  -- conflict with; only the chair, the clerk and officers see each member's totals.
  v_results := private.results_as_seen(p_round_id, private.round_results_data(p_round_id), v_full);
  return jsonb_build_object('round_id', p_round_id, 'state', v_round.state, 'seat_margin', v_round.seat_margin,
    'formula', 'weighted total out of 100 = 100 × sum of (score ÷ maximum × weight) ÷ sum of weights',
    'criteria', coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'title', c.title, 'weight', c.weight, 'maximum', c.maximum)
                          order by c.position, c.title) from private.criteria c where c.round_id = p_round_id), '[]'),
    'applications', v_results);
end
$$;

select private.grant_api(array['round_results'], array['authenticated', 'service_role']);
