-- Independent scoring. A member saves draft scores, then submits them for each application.
-- Submitted scores change only after a reopen, asked for with a reason and granted by an officer
-- or the chair. Nothing can be scored outside the `scoring` state, and a member with a conflict
-- cannot score or vote on that application.

/** Section - Guards on the tables */

-- The table itself refuses what the functions refuse, so no other path can break the rules.
create function private.guard_score()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_maximum int;
begin
  select c.maximum into v_maximum from private.criteria c
  join private.applications a on a.id = new.application_id and a.round_id = c.round_id
  where c.id = new.criterion_id and c.round_id = new.round_id;
  if v_maximum is null then
    perform private.refuse('P0001', 'criterion_not_in_round', 'That question is not part of this application''s round.',
      'criterion:' || new.criterion_id);
  end if;
  if new.score < 0 or new.score > v_maximum then
    perform private.refuse('P0001', 'score_out_of_range', format('A score for this question must be a whole number from 0 to %s.', v_maximum),
      'criterion:' || new.criterion_id, null, jsonb_build_object('maximum', v_maximum));
  end if;
  if (select r.state from private.rounds r where r.id = new.round_id) <> 'scoring' then
    perform private.refuse('PT409', 'scoring_not_now', 'Scores can only be given while the round is being scored.');
  end if;
  if exists (select 1 from private.score_submissions s where s.application_id = new.application_id
             and s.member_id = new.member_id and s.submitted_at is not null) then
    perform private.refuse('PT409', 'scores_already_submitted', 'These scores have been submitted. Ask for them to be reopened to change them.');
  end if;
  if exists (select 1 from private.conflict_declarations d where d.application_id = new.application_id
             and d.member_id = new.member_id and d.has_conflict) then
    perform private.refuse('PT403', 'conflict_declared', 'A member who declared a conflict of interest with an application cannot score it.');
  end if;
  if (select m.seat from private.panel_members m where m.id = new.member_id and m.round_id = new.round_id) is null then
    perform private.refuse('PT403', 'clerk_does_not_score', 'Only panel members with a seat score applications.');
  end if;
  return new;
end
$$;

create trigger scores_guard before insert or update on private.scores
  for each row execute function private.guard_score();

-- Submitting (and reopening) happens only while the round is being scored, and a submission
-- covers every criterion of the round. On submitting, the member's weighted total out of 100
-- is worked out here, once: 100 × Σ (score ÷ maximum × weight) ÷ Σ weight.
create function private.guard_score_submission()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select r.state from private.rounds r where r.id = new.round_id) <> 'scoring' then
    perform private.refuse('PT409', 'scoring_not_now', 'Scores can only be submitted or reopened while the round is being scored.');
  end if;
  if new.submitted_at is not null and exists (
      select 1 from private.criteria c where c.round_id = new.round_id
        and not exists (select 1 from private.scores s where s.application_id = new.application_id
                        and s.member_id = new.member_id and s.criterion_id = c.id)) then
    perform private.refuse('P0001', 'scores_incomplete', 'Score every question before you submit.');
  end if;
  if new.submitted_at is not null and exists (select 1 from private.conflict_declarations d where d.application_id = new.application_id
             and d.member_id = new.member_id and d.has_conflict) then
    perform private.refuse('PT403', 'conflict_declared', 'A member who declared a conflict of interest with an application cannot score it.');
  end if;
  new.weighted_total := case when new.submitted_at is not null then (
    select 100 * sum(s.score::numeric / c.maximum * c.weight)
             / (select sum(cw.weight) from private.criteria cw where cw.round_id = new.round_id)
    from private.scores s join private.criteria c on c.id = s.criterion_id
    where s.application_id = new.application_id and s.member_id = new.member_id) end;
  return new;
end
$$;

create trigger score_submissions_guard before insert or update on private.score_submissions
  for each row execute function private.guard_score_submission();

-- Votes are cast on the panel day, never by a member with a conflict or without a seat.
create function private.guard_panel_vote()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select r.state from private.rounds r where r.id = new.round_id) <> 'panel' then
    perform private.refuse('PT409', 'voting_not_now', 'Votes are cast at the panel meeting.');
  end if;
  if exists (select 1 from private.conflict_declarations d where d.application_id = new.application_id
             and d.member_id = new.member_id and d.has_conflict) then
    perform private.refuse('PT403', 'conflict_declared', 'A member who declared a conflict of interest with an application cannot vote on it.');
  end if;
  if (select m.seat from private.panel_members m where m.id = new.member_id and m.round_id = new.round_id) is null then
    perform private.refuse('PT403', 'clerk_does_not_score', 'The clerk supports the panel but does not score or vote.');
  end if;
  return new;
end
$$;

create trigger panel_votes_guard before insert or update on private.panel_votes
  for each row execute function private.guard_panel_vote();

/** Section - Scoring */

-- The checks every scoring action shares; returns the caller's membership.
create function private.scoring_member(p_application_id uuid)
returns private.panel_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_application private.applications := private.member_application(p_application_id);
  v_member private.panel_members := private.my_membership(v_application.round_id);
begin
  perform private.require_agreement(v_member);
  perform private.require_scorer(v_member);
  perform private.require_state((select r from private.rounds r where r.id = v_application.round_id), 'scoring', 'scoring',
    'scoring_not_now', 'Scores can only be given or changed while the round is being scored.');
  perform private.require_no_conflict(v_member, p_application_id);
  perform private.set_audit_context(v_member.role);
  return v_member;
end
$$;

-- Submitted scores are fixed until reopened.
create function private.is_submitted(p_member_id uuid, p_application_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from private.score_submissions s where s.member_id = p_member_id
                 and s.application_id = p_application_id and s.submitted_at is not null)
$$;

-- p_scores: [{ "criterion_id": "…", "score": 3, "comment": "…" }, …]. Checks everything first,
-- then writes in one statement; unchanged scores are not rewritten (and so leave no event).
create function private.save_scores(p_member private.panel_members, p_application_id uuid, p_scores jsonb)
returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_bad record;
  v_saved int;
begin
  if p_scores is null or jsonb_typeof(p_scores) <> 'array' or jsonb_array_length(p_scores) = 0 then
    perform private.refuse('P0001', 'scores_not_a_list', 'Send your scores as a list, one for each question you have scored.');
  end if;
  select e.val, c.id, c.title, c.maximum into v_bad
  from jsonb_array_elements(p_scores) with ordinality as e (val, n)
  left join private.criteria c on c.round_id = p_member.round_id and c.id::text = e.val ->> 'criterion_id'
  where c.id is null
     or case when jsonb_typeof(e.val -> 'score') = 'number' and (e.val ->> 'score') ~ '^[0-9]+$'
             then (e.val ->> 'score')::numeric > c.maximum else true end
     or coalesce(jsonb_typeof(e.val -> 'comment'), 'null') not in ('string', 'null')
     or length(e.val ->> 'comment') > 2000
  order by e.n limit 1;
  if v_bad.val is not null and v_bad.title is null then
    perform private.refuse('P0001', 'criterion_not_in_round', 'One of the scores is for a question that is not part of this round.',
      null, null, jsonb_build_object('criterion_id', v_bad.val ->> 'criterion_id'));
  elsif v_bad.val is not null and length(v_bad.val ->> 'comment') > 2000 then
    perform private.refuse('P0001', 'score_comment_too_long', format('Your comment on "%s" is too long: keep it to 2,000 characters or fewer.', v_bad.title),
      'criterion:' || v_bad.id, null, jsonb_build_object('max', 2000));
  elsif v_bad.val is not null and coalesce(jsonb_typeof(v_bad.val -> 'comment'), 'null') not in ('string', 'null') then
    perform private.refuse('P0001', 'score_comment_not_text', format('Your comment on "%s" must be text.', v_bad.title), 'criterion:' || v_bad.id);
  elsif v_bad.val is not null then
    perform private.refuse('P0001', 'score_out_of_range', format('Give "%s" a whole number from 0 to %s.', v_bad.title, v_bad.maximum),
      'criterion:' || v_bad.id, null, jsonb_build_object('maximum', v_bad.maximum));
  end if;
  insert into private.scores as s (application_id, member_id, criterion_id, round_id, score, comment)
  select distinct on (e.val ->> 'criterion_id') p_application_id, p_member.id, (e.val ->> 'criterion_id')::uuid, p_member.round_id,
         (e.val ->> 'score')::int, nullif(btrim(e.val ->> 'comment'), '')
  from jsonb_array_elements(p_scores) with ordinality as e (val, n)
  order by e.val ->> 'criterion_id', e.n desc
  on conflict (application_id, member_id, criterion_id) do update
    set score = excluded.score, comment = excluded.comment, updated_at = now()
    where (s.score, s.comment) is distinct from (excluded.score, excluded.comment);
  get diagnostics v_saved = row_count;
  return v_saved;
end
$$;

-- One refusal for every way of changing submitted scores.
create function private.refuse_if_submitted(p_member private.panel_members, p_application_id uuid)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if private.is_submitted(p_member.id, p_application_id) then
    perform private.refuse('PT409', 'scores_already_submitted', 'You have already submitted your scores for this application.',
      null, 'To change them, ask for them to be reopened and give a reason.');
  end if;
end
$$;

-- Drafts can be saved as often as the member likes; they count for nothing until submitted.
create function api.save_draft_scores(p_application_id uuid, p_scores jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_member private.panel_members := private.scoring_member(p_application_id);
  v_saved int;
begin
  perform private.refuse_if_submitted(v_member, p_application_id);
  v_saved := private.save_scores(v_member, p_application_id, p_scores);
  return jsonb_build_object('application_id', p_application_id, 'saved', v_saved, 'submitted', false,
    'criteria_scored', (select count(*) from private.scores s where s.application_id = p_application_id and s.member_id = v_member.id),
    'criteria_total', (select count(*) from private.criteria c where c.round_id = v_member.round_id));
end
$$;

select private.grant_api(array['save_draft_scores'], array['authenticated', 'service_role']);

-- Saves p_scores if given, then submits. Every criterion must have a score.
create function api.submit_scores(p_application_id uuid, p_scores jsonb default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_member private.panel_members := private.scoring_member(p_application_id);
  v_missing text;
  v_missing_ids jsonb;
  v_at timestamptz;
begin
  perform private.refuse_if_submitted(v_member, p_application_id);
  if p_scores is not null then
    perform private.save_scores(v_member, p_application_id, p_scores);
  end if;
  select string_agg(format('"%s"', c.title), ', ' order by c.position, c.title),
         jsonb_agg(c.id order by c.position, c.title) into v_missing, v_missing_ids
  from private.criteria c where c.round_id = v_member.round_id
    and not exists (select 1 from private.scores s where s.application_id = p_application_id
                    and s.member_id = v_member.id and s.criterion_id = c.id);
  if v_missing is not null then
    perform private.refuse('P0001', 'scores_incomplete', 'Score every question before you submit.',
      null, format('Still to score: %s.', v_missing), jsonb_build_object('still_to_score', v_missing_ids));
  end if;
  insert into private.score_submissions as s (application_id, member_id, round_id, submitted_at)
  values (p_application_id, v_member.id, v_member.round_id, now())
  on conflict (application_id, member_id) do update set submitted_at = now(), reopen_requested_at = null
  returning s.submitted_at into v_at;
  return jsonb_build_object('application_id', p_application_id, 'member_id', v_member.id, 'submitted_at', v_at);
end
$$;

select private.grant_api(array['submit_scores'], array['authenticated', 'service_role']);

/** Section - Reopening submitted scores */

-- A member asks, with a reason, to change submitted scores; the chair or an officer decides.
create function api.request_score_reopen(p_application_id uuid, p_reason text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_member private.panel_members := private.scoring_member(p_application_id);
  v private.score_submissions;
begin
  select * into v from private.score_submissions s where s.application_id = p_application_id and s.member_id = v_member.id;
  if v.submitted_at is null then
    perform private.refuse('PT409', 'scores_not_submitted', 'Your scores for this application are not submitted, so you can still change them.');
  end if;
  if v.reopen_requested_at is not null then
    perform private.refuse('PT409', 'reopen_already_requested', 'You have already asked for these scores to be reopened. The chair or the grants officer will reply.');
  end if;
  update private.score_submissions s set reopen_requested_at = now(),
    reopen_request_reason = private.clean_text(p_reason, 'why you want to change your scores', 1000, p_field => 'reason')
  where s.application_id = p_application_id and s.member_id = v_member.id
  returning * into v;
  return jsonb_build_object('application_id', p_application_id, 'member_id', v_member.id,
                            'reopen_requested_at', v.reopen_requested_at, 'reason', v.reopen_request_reason);
end
$$;

select private.grant_api(array['request_score_reopen'], array['authenticated', 'service_role']);

-- An officer, or the chair for someone other than themselves, grants a pending request. The
-- chair must have accepted the agreement and declared no conflict with the application.
create function api.grant_score_reopen(p_member_id uuid, p_application_id uuid, p_note text default null)
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
    perform private.refuse('PT403', 'may_not_reopen', 'Only the chair or a grants officer can reopen submitted scores.');
  end if;
  if not v_officer and v_me.id = v_target.id then
    perform private.refuse('PT403', 'chair_cannot_reopen_own', 'The chair cannot reopen their own scores. Ask the grants officer.');
  end if;
  if not v_officer then
    perform private.require_agreement(v_me);
    perform private.require_declared_no_conflict(v_me, p_application_id, 'reopen scores for it');
  end if;
  perform private.require_state((select r from private.rounds r where r.id = v_target.round_id), 'scoring', 'scoring',
    'reopening_not_now', 'Scores can only be reopened while the round is being scored.');
  select * into v from private.score_submissions s where s.application_id = p_application_id and s.member_id = p_member_id;
  if v.reopen_requested_at is null then
    perform private.refuse('PT409', 'no_reopen_request', 'There is no request to reopen these scores.');
  end if;
  perform private.set_audit_context(case when v_officer then 'officer' else 'chair' end,
    jsonb_build_object('request_reason', v.reopen_request_reason, 'note', nullif(btrim(coalesce(p_note, '')), '')));
  update private.score_submissions s set submitted_at = null, reopened_at = now(), reopened_by = private.caller(),
    reopen_count = s.reopen_count + 1, reopen_requested_at = null
  where s.application_id = p_application_id and s.member_id = p_member_id
  returning * into v;
  return jsonb_build_object('application_id', p_application_id, 'member_id', p_member_id,
                            'reopened_at', v.reopened_at, 'reopen_count', v.reopen_count);
end
$$;

select private.grant_api(array['grant_score_reopen'], array['authenticated', 'service_role']);

/** Section - Votes on the panel day */

-- On the panel day each member may vote; the tally appears in the results and is copied into
-- the recommendation when it is recorded.
create function api.cast_panel_vote(p_application_id uuid, p_vote text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_application private.applications := private.member_application(p_application_id);
  v_member private.panel_members := private.my_membership(v_application.round_id);
  v private.panel_votes;
begin
  perform private.require_agreement(v_member);
  perform private.require_scorer(v_member);
  perform private.require_state((select r from private.rounds r where r.id = v_application.round_id), 'panel', 'panel',
    'voting_not_now', 'Votes are cast at the panel meeting.');
  perform private.require_no_conflict(v_member, p_application_id);
  if coalesce(p_vote, '') not in ('award', 'not_award', 'award_with_conditions', 'abstain') then
    perform private.refuse('P0001', 'vote_not_valid', 'Choose award, award with conditions, not award, or abstain.', 'vote');
  end if;
  perform private.set_audit_context(v_member.role);
  insert into private.panel_votes as pv (application_id, member_id, round_id, vote)
  values (p_application_id, v_member.id, v_application.round_id, p_vote)
  on conflict (application_id, member_id) do update set vote = excluded.vote, cast_at = now()
    where pv.vote <> excluded.vote
  returning * into v;
  return jsonb_build_object('application_id', p_application_id, 'member_id', v_member.id, 'vote', p_vote);
end
$$;

select private.grant_api(array['cast_panel_vote'], array['authenticated', 'service_role']);
