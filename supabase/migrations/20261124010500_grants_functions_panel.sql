-- Who is on a round: officers add and remove panel members (community and councillor seats, a
-- chair, a clerk) and the councillors who review the recommendations. Everyone can list the
-- rounds they belong to.

/** Section - The panel */

-- Officers find the people to add by name or email (fifty at most).
create function api.list_people(p_search text default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_officer('look people up');
  return coalesce((
    select jsonb_agg(x.person order by x.display_name)
    from (select p.display_name, jsonb_build_object('id', p.id, 'display_name', p.display_name, 'email', u.email,
                                                    'is_officer', p.is_officer, 'is_scrutiny', p.is_scrutiny) as person
          from private.people p join auth.users u on u.id = p.id
          where p_search is null or p.display_name ilike '%' || p_search || '%' or u.email ilike '%' || p_search || '%'
          order by p.display_name limit 50) as x), '[]');
end
$$;

select private.grant_api(array['list_people'], array['authenticated', 'service_role']);

-- Adding someone who was removed brings them back, so their earlier record stays theirs.
create function api.add_panel_member(p_round_id uuid, p_person_id uuid, p_seat text, p_role text default 'member',
                                      p_background text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_round private.rounds;
  v private.panel_members;
begin
  perform private.require_officer('choose panel members');
  select * into v_round from private.rounds r where r.id = p_round_id;
  if v_round.id is null then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  perform private.require_state(v_round, 'draft', 'panel',
    'panel_fixed', 'The panel cannot change after it has made its recommendations.');
  if not exists (select 1 from private.people p where p.id = p_person_id) then
    perform private.refuse('PT404', 'person_not_found', 'We could not find that person.', 'person_id');
  end if;
  if coalesce(p_role, '') not in ('member', 'chair', 'clerk') then
    perform private.refuse('P0001', 'panel_role_not_valid', 'The role must be member, chair or clerk.', 'role');
  end if;
  if p_role = 'clerk' and p_seat is not null then
    perform private.refuse('P0001', 'clerk_has_no_seat', 'The clerk does not take a seat: leave the seat empty.', 'seat');
  end if;
  if p_role <> 'clerk' and coalesce(p_seat, '') not in ('community', 'councillor') then
    perform private.refuse('P0001', 'seat_needed', 'Choose the seat: community or councillor.', 'seat');
  end if;
  select * into v from private.panel_members m where m.round_id = p_round_id and m.person_id = p_person_id;
  if v.id is not null and v.removed_at is null then
    perform private.refuse('PT409', 'already_on_panel', format('%s is already on this panel.', private.person_name(p_person_id)),
      'person_id', null, jsonb_build_object('name', private.person_name(p_person_id)));
  end if;
  if p_role = 'chair' and exists (select 1 from private.panel_members m where m.round_id = p_round_id and m.role = 'chair' and m.removed_at is null) then
    perform private.refuse('PT409', 'round_has_chair', 'This round already has a chair. Remove them first.', 'role');
  end if;
  if v.id is not null then
    update private.panel_members m set role = p_role, seat = p_seat,
      background = private.clean_text(p_background, 'the background', 200, false, p_field => 'background'),
      removed_at = null, removed_reason = null, added_at = now()
    where m.id = v.id returning * into v;
  else
    insert into private.panel_members (round_id, person_id, role, seat, background)
    values (p_round_id, p_person_id, p_role, p_seat, private.clean_text(p_background, 'the background', 200, false, p_field => 'background'))
    returning * into v;
  end if;
  return to_jsonb(v) || jsonb_build_object('display_name', private.person_name(v.person_id));
end
$$;

select private.grant_api(array['add_panel_member'], array['authenticated', 'service_role']);

-- Removed, not deleted: what they declared and scored stays on record, but no longer counts.
create function api.remove_panel_member(p_member_id uuid, p_reason text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.panel_members;
begin
  perform private.require_officer('choose panel members');
  select * into v from private.panel_members m where m.id = p_member_id and m.removed_at is null;
  if v.id is null then
    perform private.refuse('PT404', 'panel_member_not_found', 'We could not find that panel member.');
  end if;
  perform private.require_state((select r from private.rounds r where r.id = v.round_id),
    'draft', 'panel', 'panel_fixed', 'The panel cannot change after it has made its recommendations.');
  update private.panel_members m set removed_at = now(), removed_reason = private.clean_text(p_reason, 'the reason', 1000, p_field => 'reason')
  where m.id = p_member_id returning * into v;
  return to_jsonb(v) || jsonb_build_object('display_name', private.person_name(v.person_id));
end
$$;

select private.grant_api(array['remove_panel_member'], array['authenticated', 'service_role']);

/** Section - Reviewers */

-- Councillors who read the recommendations on their way to Cabinet; they are let in only once
-- the round reaches `recommended` (private.is_reviewer).
create function api.add_reviewer(p_round_id uuid, p_person_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.reviewers;
begin
  perform private.require_officer('choose who reviews recommendations');
  if not exists (select 1 from private.rounds r where r.id = p_round_id) then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  if not exists (select 1 from private.people p where p.id = p_person_id) then
    perform private.refuse('PT404', 'person_not_found', 'We could not find that person.', 'person_id');
  end if;
  if exists (select 1 from private.reviewers r where r.round_id = p_round_id and r.person_id = p_person_id) then
    perform private.refuse('PT409', 'already_reviewer', format('%s already reviews this round.', private.person_name(p_person_id)),
      'person_id', null, jsonb_build_object('name', private.person_name(p_person_id)));
  end if;
  insert into private.reviewers (round_id, person_id) values (p_round_id, p_person_id) returning * into v;
  return to_jsonb(v) || jsonb_build_object('display_name', private.person_name(v.person_id));
end
$$;

select private.grant_api(array['add_reviewer'], array['authenticated', 'service_role']);

-- Taking a reviewer off the round; their comments stay on record.
create function api.remove_reviewer(p_round_id uuid, p_person_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform private.require_officer('choose who reviews recommendations');
  delete from private.reviewers r where r.round_id = p_round_id and r.person_id = p_person_id;
  if not found then
    perform private.refuse('PT404', 'not_a_reviewer', 'That person does not review this round.', 'person_id');
  end if;
  return jsonb_build_object('round_id', p_round_id, 'person_id', p_person_id, 'removed', true);
end
$$;

select private.grant_api(array['remove_reviewer'], array['authenticated', 'service_role']);

/** Section - What the caller belongs to */

-- The rounds the caller belongs to, in what capacity, and how far they have got. Officers see
-- every round; reviewers the rounds that have reached them. Someone with no part in any round
-- gets an empty list.
create function api.my_rounds()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with mine as (
    select m.round_id, m.role, m.seat, m.id as member_id from private.panel_members m
    where m.person_id = private.caller() and m.removed_at is null
    union all
    select rv.round_id, 'reviewer', null, null from private.reviewers rv
    where rv.person_id = private.caller() and private.is_reviewer(rv.round_id)
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
      'applications', case when r.state >= 'scoring'
                      then (select count(*) from private.applications a where a.round_id = r.id) else 0 end,
      'declared', (select count(*) from private.conflict_declarations d where d.member_id = pr.member_id),
      'conflicts', (select count(*) from private.conflict_declarations d where d.member_id = pr.member_id and d.has_conflict),
      'submitted', (select count(*) from private.score_submissions s where s.member_id = pr.member_id and s.submitted_at is not null))
    end)
    order by r.state, r.title), '[]')
  from per_round pr join private.rounds r on r.id = pr.round_id join private.funds f on f.id = r.fund_id
$$;

select private.grant_api(array['my_rounds'], array['authenticated', 'service_role']);

-- What the signed-in person may do beyond their rounds: run grants (officer) or read the audit
-- trail (scrutiny). Screens use it to offer only what the database would allow; the database
-- still checks every call itself. An officer or scrutiny member may be on no round at all, so
-- my_rounds cannot tell them.
create function api.my_access()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object('is_officer', private.is_officer(), 'is_scrutiny', private.is_scrutiny())
$$;

select private.grant_api(array['my_access'], array['authenticated']);

comment on function api.my_access() is 'Whether the caller is a grants officer or on the scrutiny committee.';

-- A round's details and criteria, for anyone who may see the round. Officers also get the
-- panel and the reviewers; members do not see who else is on the panel here.
create function api.get_round(p_round_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_round private.rounds := private.visible_round(p_round_id);
  v_member private.panel_members := private.my_membership(p_round_id);
  v jsonb;
begin
  v := (to_jsonb(v_round) - 'created_at' - 'updated_at') || jsonb_build_object(
    'fund', (select jsonb_build_object('id', f.id, 'slug', f.slug, 'name', f.name, 'budget', f.budget, 'budget_period', f.budget_period)
             from private.funds f where f.id = v_round.fund_id),
    'criteria', coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'position', c.position, 'title', c.title,
                            'guidance', c.guidance, 'weight', c.weight, 'maximum', c.maximum, 'descriptors', c.descriptors)
                          order by c.position, c.title) from private.criteria c where c.round_id = p_round_id), '[]'),
    'my_membership', case when v_member.id is not null then jsonb_build_object('member_id', v_member.id, 'role', v_member.role,
                       'seat', v_member.seat, 'background', v_member.background, 'accepted_at', private.has_accepted(v_member.id)) end,
    'is_reviewer', private.is_reviewer(p_round_id));
  if private.is_officer() then
    v := v || jsonb_build_object(
      'members', coalesce((select jsonb_agg(jsonb_build_object('member_id', m.id, 'person_id', m.person_id,
                   'display_name', p.display_name, 'role', m.role, 'seat', m.seat, 'background', m.background,
                   'added_at', m.added_at, 'removed_at', m.removed_at, 'removed_reason', m.removed_reason,
                   'accepted_at', private.has_accepted(m.id)) order by m.role, m.seat, p.display_name)
                 from private.panel_members m join private.people p on p.id = m.person_id where m.round_id = p_round_id), '[]'),
      'reviewers', coalesce((select jsonb_agg(jsonb_build_object('person_id', rv.person_id, 'display_name', p.display_name,
                   'added_at', rv.added_at) order by p.display_name)
                 from private.reviewers rv join private.people p on p.id = rv.person_id where rv.round_id = p_round_id), '[]'),
      -- What the next move needs, before the officer presses it: a fair panel to start scoring,
      -- and who would be left with finished scores unsent if scoring closed now.
      'panel_shortfall', case when v_round.state <= 'closed' then private.panel_shortfall(v_round) end,
      'unsent_drafts', case when v_round.state = 'scoring' then private.unsent_drafts(p_round_id) else '[]' end);
  end if;
  return v;
end
$$;

select private.grant_api(array['get_round'], array['authenticated', 'service_role']);
