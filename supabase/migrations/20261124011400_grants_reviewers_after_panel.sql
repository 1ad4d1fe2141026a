-- Councillors on the review path read the panel's recommendations on their way to Cabinet. The
-- earlier migrations let a reviewer see the round itself (its details, criteria and the names
-- of its applications) at any stage, even while it was still being scored. A reviewer now
-- counts as one only once the round has reached `recommended`: before that they get the same
-- "not found" as anyone else outside the round. An officer may name reviewers early; they are
-- simply not let in until the panel has finished. A councillor who is also on the round's
-- panel still sees it as a panel member.
--
-- private.is_reviewer is what api.get_round, api.open_application_pack (through
-- private.member_application), api.round_results, api.review_recommendations and
-- api.add_review_comment all ask (through private.visible_round), so changing it here changes
-- them all; api.my_rounds reads the reviewers table itself and is replaced below.

create or replace function private.is_reviewer(p_round_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from private.reviewers rv join private.rounds r on r.id = rv.round_id
                 where rv.round_id = p_round_id and rv.person_id = auth.uid()
                   and private.round_state_rank(r.state) >= private.round_state_rank('recommended'))
$$;

create or replace function api.my_rounds()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with mine as (
    select m.round_id, m.role, m.seat, m.id as member_id from private.panel_members m
    where m.person_id = auth.uid() and m.removed_at is null
    union all
    select rv.round_id, 'reviewer', null, null from private.reviewers rv
    where rv.person_id = auth.uid() and private.is_reviewer(rv.round_id)
    union all
    select r.id, 'officer', null, null from private.rounds r where private.is_officer()
  ), per_round as (
    select round_id, array_agg(role order by role) as roles, max(seat) as seat, (array_agg(member_id) filter (where member_id is not null))[1] as member_id
    from mine group by round_id
  )
  select coalesce(jsonb_agg(jsonb_build_object(
    'round_id', r.id, 'title', r.title, 'state', r.state, 'fund', jsonb_build_object('slug', f.slug, 'name', f.name),
    'scoring_deadline', r.scoring_deadline, 'panel_date', r.panel_date,
    'my_roles', to_jsonb(pr.roles), 'my_seat', pr.seat, 'member_id', pr.member_id,
    'agreement_accepted', pr.member_id is not null and private.has_accepted(pr.member_id) is not null,
    'progress', case when pr.member_id is not null then jsonb_build_object(
      'applications', case when private.round_state_rank(r.state) >= 4
                      then (select count(*) from private.applications a where a.round_id = r.id) else 0 end,
      'declared', (select count(*) from private.conflict_declarations d where d.member_id = pr.member_id),
      'conflicts', (select count(*) from private.conflict_declarations d where d.member_id = pr.member_id and d.has_conflict),
      'submitted', (select count(*) from private.score_submissions s where s.member_id = pr.member_id and s.submitted_at is not null))
    end)
    order by private.round_state_rank(r.state), r.title), '[]')
  from per_round pr join private.rounds r on r.id = pr.round_id join private.funds f on f.id = r.fund_id
$$;
