-- A round moves one step at a time: draft → open → closed → scoring → panel → recommended →
-- decided → published. Officers only. Each move checks that the round is ready for the next
-- stage and says in plain words what is missing; the move and its details are audited.

/** Section - Readiness checks */

-- Who has not submitted all their scores, and how many are missing: the move to the panel waits
-- for them, or is forced with a reason that goes into the audit trail.
create function private.outstanding_scores(p_round_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  -- Every member with a seat owes a submission for every application they have no conflict with.
  select coalesce(jsonb_agg(jsonb_build_object('member_id', x.id, 'display_name', x.display_name, 'outstanding', x.n)
                            order by x.display_name), '[]')
  from (select m.id, p.display_name, count(*) as n
        from private.panel_members m
        join private.people p on p.id = m.person_id
        join private.applications a on a.round_id = m.round_id
        where m.round_id = p_round_id and m.removed_at is null and m.seat is not null
          and not exists (select 1 from private.conflict_declarations d where d.member_id = m.id
                          and d.application_id = a.id and d.has_conflict)
          and not exists (select 1 from private.score_submissions s where s.member_id = m.id
                          and s.application_id = a.id and s.submitted_at is not null)
        group by m.id, p.display_name) x
$$;

-- Who has finished scoring an application (every question scored) but not sent it: moving the
-- round to the panel would strand those scores, so the officer's page lists these members and
-- offers to remind them (api.remind_unsent_drafts) before the move.
create function private.unsent_drafts(p_round_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('member_id', x.id, 'person_id', x.person_id, 'display_name', x.display_name,
                                               'drafts', x.n, 'references', x.refs) order by x.display_name), '[]')
  from (select m.id, m.person_id, p.display_name, count(*) as n, jsonb_agg(a.reference order by a.reference) as refs
        from private.panel_members m
        join private.people p on p.id = m.person_id
        join private.applications a on a.round_id = m.round_id
        where m.round_id = p_round_id and m.removed_at is null and m.seat is not null
          and not exists (select 1 from private.conflict_declarations d where d.member_id = m.id
                          and d.application_id = a.id and d.has_conflict)
          and not exists (select 1 from private.score_submissions s where s.member_id = m.id
                          and s.application_id = a.id and s.submitted_at is not null)
          and (select count(*) from private.scores s where s.member_id = m.id and s.application_id = a.id)
              = (select count(*) from private.criteria c where c.round_id = p_round_id)
          and exists (select 1 from private.criteria c where c.round_id = p_round_id)
        group by m.id, m.person_id, p.display_name) x
$$;

-- What a round's panel lacks to be fair before scoring opens, or null when it is fair: the
-- chair, and the community members and councillors the round needs besides the chair (a chair
-- has a seat of their own, so does not fill one of these). The facts name both the numbers
-- needed and those on the panel, so the officer's screen can say what to add.
create function private.panel_shortfall(p_round private.rounds)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select case when x.chair and x.community >= p_round.community_members_needed and x.councillors >= p_round.councillors_needed
    then null
    else jsonb_build_object('chair', x.chair, 'community', x.community, 'councillors', x.councillors,
                            'community_needed', p_round.community_members_needed, 'councillors_needed', p_round.councillors_needed) end
  from (select bool_or(m.role = 'chair') is true as chair,
               count(*) filter (where m.role = 'member' and m.seat = 'community') as community,
               count(*) filter (where m.role = 'member' and m.seat = 'councillor') as councillors
        from private.panel_members m
        where m.round_id = p_round.id and m.removed_at is null) x
$$;

-- Applications of the round lacking something, as "INN26-001, INN26-004", or null.
create function private.references_without(p_round_id uuid, p_what text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select string_agg(a.reference, ', ' order by a.reference) from private.applications a
  where a.round_id = p_round_id and case p_what
    when 'summary' then a.summary is null
    when 'recommendation' then not exists (select 1 from private.recommendations r where r.application_id = a.id)
    when 'decision' then not exists (select 1 from private.cabinet_decisions d where d.application_id = a.id)
  end
$$;

-- What the next stage needs, refused in plain words. Two moves may be forced with a reason, and
-- then answer what was overridden, for the audit trail: scoring with a panel short of fair
-- ({"panel": shortfall}) and the panel with scores still outstanding ({"outstanding": [...]}).
-- '{}' when nothing was overridden.
create function private.check_move(p_round private.rounds, p_to text, p_force_reason text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_missing text;
  v_outstanding jsonb;
  v_short jsonb;
  v_reason text := nullif(btrim(coalesce(p_force_reason, '')), '');
begin
  if p_to = 'open' and not exists (select 1 from private.criteria c where c.round_id = p_round.id) then
    perform private.refuse('PT409', 'criteria_needed', 'Add at least one scoring question before opening the round.');
  elsif p_to = 'scoring' then
    if not exists (select 1 from private.applications a where a.round_id = p_round.id) then
      perform private.refuse('PT409', 'applications_needed', 'There are no applications to score yet.');
    end if;
    v_missing := private.references_without(p_round.id, 'summary');
    if v_missing is not null then
      perform private.refuse('PT409', 'summaries_needed', 'Write a plain-English summary for every application before scoring starts.',
        null, format('Still without a summary: %s.', v_missing), jsonb_build_object('missing', string_to_array(v_missing, ', ')));
    end if;
    if not exists (select 1 from private.panel_members m where m.round_id = p_round.id and m.removed_at is null and m.seat is not null) then
      perform private.refuse('PT409', 'scorers_needed', 'Add the panel members who will score before scoring starts.');
    end if;
    v_short := private.panel_shortfall(p_round);
    if v_short is not null and v_reason is null then
      -- "1 community member", "2 councillors": private.notify_count (the notifications file) says counts the one way.
      perform private.refuse('PT409', 'panel_not_fair',
        format('A fair panel needs the chair, %s and %s before scoring starts. This panel has %s, %s and %s besides the chair.',
               private.notify_count((v_short ->> 'community_needed')::bigint, 'community member', 'community members'),
               private.notify_count((v_short ->> 'councillors_needed')::bigint, 'councillor', 'councillors'),
               case when (v_short ->> 'chair')::boolean then 'a chair' else 'no chair' end,
               private.notify_count((v_short ->> 'community')::bigint, 'community member', 'community members'),
               private.notify_count((v_short ->> 'councillors')::bigint, 'councillor', 'councillors')),
        'force_reason', 'Add the missing members, or to start anyway send a reason; it goes into the audit trail.', v_short);
    end if;
    return case when v_short is null then '{}' else jsonb_build_object('panel', v_short) end;
  elsif p_to = 'panel' then
    v_outstanding := private.outstanding_scores(p_round.id);
    if jsonb_array_length(v_outstanding) > 0 and v_reason is null then
      perform private.refuse('PT409', 'scores_outstanding', format('%s members have not submitted all their scores (%s still to come). Wait for them, or move on and give a reason.',
               jsonb_array_length(v_outstanding), (select sum((o ->> 'outstanding')::int) from jsonb_array_elements(v_outstanding) o)),
        'force_reason', 'To move on anyway, send a reason; it goes into the audit trail.', jsonb_build_object('outstanding', v_outstanding));
    end if;
    return case when jsonb_array_length(v_outstanding) = 0 then '{}' else jsonb_build_object('outstanding', v_outstanding) end;
  elsif p_to = 'recommended' then
    v_missing := private.references_without(p_round.id, 'recommendation');
    if v_missing is not null then
      perform private.refuse('PT409', 'recommendations_needed', 'Record the panel''s recommendation for every application first.',
        null, format('Still without a recommendation: %s.', v_missing), jsonb_build_object('missing', string_to_array(v_missing, ', ')));
    end if;
  elsif p_to = 'decided' then
    v_missing := private.references_without(p_round.id, 'decision');
    if v_missing is not null then
      perform private.refuse('PT409', 'decisions_needed', 'Record Cabinet''s decision for every application first.',
        null, format('Still without a decision: %s.', v_missing), jsonb_build_object('missing', string_to_array(v_missing, ', ')));
    end if;
  end if;
  return '{}';
end
$$;

/** Section - Moving a round */

-- The one way a round changes state: one step forward, by an officer, audited with its details.
create function api.move_round(p_round_id uuid, p_to text, p_force_reason text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_states text[] := enum_range(null::private.round_state)::text[];
  v_round private.rounds;
  v_from text;
  v_next text;
  v_overridden jsonb;
  v_forced boolean;
begin
  perform private.require_officer('move a round to its next stage');
  select * into v_round from private.rounds r where r.id = p_round_id for update;
  if v_round.id is null then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  if p_to is null or not p_to = any (v_states) then
    perform private.refuse('P0001', 'stage_not_valid', format('"%s" is not a stage of a round.', coalesce(p_to, '')),
      'to', format('The stages are: %s.', array_to_string(v_states, ', ')), jsonb_build_object('stages', v_states));
  end if;
  v_from := v_round.state;
  if v_from = 'published' then
    perform private.refuse('PT409', 'round_published', 'This round has been published: it cannot move on.');
  end if;
  v_next := (enum_range(v_round.state, null))[2];
  if p_to <> v_next then
    perform private.refuse('PT409', 'not_next_stage', format('A round at the "%s" stage can only move to "%s".', v_from, v_next),
      'to', null, jsonb_build_object('from', v_from, 'next', v_next));
  end if;
  if p_force_reason is not null and p_to not in ('scoring', 'panel') then
    perform private.refuse('P0001', 'force_not_allowed', 'Only the moves to scoring and to the panel can be forced.', 'force_reason');
  end if;
  v_overridden := private.check_move(v_round, p_to, p_force_reason);
  v_forced := v_overridden <> '{}';
  perform private.set_audit_context('officer', jsonb_build_object('from', v_from, 'to', p_to, 'forced', v_forced,
    'reason', case when v_forced then private.clean_text(p_force_reason, 'the reason for moving on', 1000, p_field => 'force_reason') end,
    'outstanding', v_overridden -> 'outstanding', 'panel', v_overridden -> 'panel'));
  update private.rounds r set state = p_to::private.round_state, state_changed_at = now(), updated_at = now(),
    published_at = case when p_to = 'published' then now() else r.published_at end
  where r.id = p_round_id
  returning * into v_round;
  return jsonb_build_object('round_id', p_round_id, 'from', v_from, 'to', p_to, 'forced', v_forced,
                            'outstanding', coalesce(v_overridden -> 'outstanding', '[]'), 'panel', v_overridden -> 'panel',
                            'state_changed_at', v_round.state_changed_at);
end
$$;

select private.grant_api(array['move_round'], array['authenticated', 'service_role']);
