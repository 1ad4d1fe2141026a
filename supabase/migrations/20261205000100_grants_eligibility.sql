-- Grants, finding a fund: the rounds open for applications now or soon (public), and each fund's
-- "Check if you can apply" questions (public to read, officers to change). The questions are data,
-- so an officer can change who a fund is for without a release; the answers that rule a group out
-- carry the reason the applicant is shown.

/** Section - Eligibility questions */

-- One question a page, in `position` order. `answers` lists the choices in order, each with the
-- reason it rules a group out, or null when it does not:
--   [{ "answer": "A registered charity", "ineligible_reason": null }, ...]
-- private.clean_eligibility_answers checks the shape, so every stored row is well formed.
create table private.eligibility_questions (
  id uuid primary key default gen_random_uuid(),
  fund_id uuid not null references private.funds (id) on delete cascade,
  position int not null check (position > 0),
  question text not null check (length(btrim(question)) between 1 and 300),
  hint text not null default '' check (length(hint) <= 1000),
  answers jsonb not null check (jsonb_typeof(answers) = 'array'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index eligibility_questions_fund on private.eligibility_questions (fund_id, position);

alter table private.eligibility_questions enable row level security;
select private.audit_table('private.eligibility_questions');

-- Today in the council's time zone: a round "closes today" by the clock on the office wall, not UTC.
create function private.london_today()
returns date
language sql
stable
set search_path = ''
as $$
  select (now() at time zone 'Europe/London')::date
$$;

-- The answers as stored: trimmed, an empty reason read as "does not rule out". Each refusal has
-- its own key, so the editor can say exactly what to fix.
create function private.clean_eligibility_answers(p_answers jsonb)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_clean jsonb := '[]';
  v_item jsonb;
  v_answer text;
  v_reason text;
  v_seen text[] := '{}';
begin
  if p_answers is null or jsonb_typeof(p_answers) <> 'array'
     or exists (select 1 from jsonb_array_elements(p_answers) e where jsonb_typeof(e) <> 'object') then
    perform private.refuse('P0001', 'eligibility_answers_not_valid', 'The answers must be a list, each with its words and, if it rules a group out, the reason.', 'answers');
  end if;
  if jsonb_array_length(p_answers) < 2 or jsonb_array_length(p_answers) > 12 then
    perform private.refuse('P0001', 'eligibility_answers_count', 'Give each question from 2 to 12 answers to choose from.', 'answers', null,
      jsonb_build_object('count', jsonb_array_length(p_answers), 'min', 2, 'max', 12));
  end if;
  for v_item in select e from jsonb_array_elements(p_answers) e loop
    v_answer := nullif(btrim(coalesce(v_item ->> 'answer', '')), '');
    v_reason := nullif(btrim(coalesce(v_item ->> 'ineligible_reason', '')), '');
    if v_answer is null or length(v_answer) > 200 then
      perform private.refuse('P0001', 'eligibility_answer_blank', 'Write each answer in 1 to 200 characters.', 'answers');
    end if;
    if lower(v_answer) = any (v_seen) then
      perform private.refuse('P0001', 'eligibility_answer_repeated', format('The answer "%s" is there twice.', v_answer), 'answers', null,
        jsonb_build_object('answer', v_answer));
    end if;
    if length(v_reason) > 600 then
      perform private.refuse('P0001', 'eligibility_reason_too_long', 'Keep each reason to 600 characters or fewer.', 'answers');
    end if;
    v_seen := v_seen || lower(v_answer);
    v_clean := v_clean || jsonb_build_array(jsonb_build_object('answer', v_answer, 'ineligible_reason', v_reason));
  end loop;
  if not exists (select 1 from jsonb_array_elements(v_clean) e where e -> 'ineligible_reason' = 'null'::jsonb) then
    perform private.refuse('P0001', 'eligibility_no_answer_allowed', 'At least one answer must let a group carry on: otherwise nobody could apply.', 'answers');
  end if;
  return v_clean;
end
$$;

-- Public: a fund and its questions in order, for the "Check if you can apply" pages. Nothing here
-- is private: the reasons are what the applicant is shown.
create function api.fund_eligibility(p_fund_slug text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_fund private.funds := (select f from private.funds f where f.slug = left(p_fund_slug, 200));
begin
  if v_fund.id is null then
    perform private.refuse('PT404', 'fund_not_found', 'We could not find that fund.', 'fund');
  end if;
  return jsonb_build_object(
    'fund', jsonb_build_object('id', v_fund.id, 'slug', v_fund.slug, 'name', v_fund.name, 'description', v_fund.description,
                               'who_can_apply', v_fund.who_can_apply),
    'questions', coalesce((select jsonb_agg(jsonb_build_object('id', q.id, 'position', q.position, 'question', q.question,
                                                               'hint', q.hint, 'answers', q.answers) order by q.position)
                           from private.eligibility_questions q where q.fund_id = v_fund.id), '[]'));
end
$$;

select private.grant_api(array['fund_eligibility'], array['anon', 'authenticated', 'service_role']);

-- A new question goes last.
create function api.add_eligibility_question(p_fund_id uuid, p_question text, p_answers jsonb, p_hint text default '')
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.eligibility_questions;
begin
  perform private.require_officer('change the eligibility questions');
  if not exists (select 1 from private.funds f where f.id = p_fund_id) then
    perform private.refuse('PT404', 'fund_not_found', 'We could not find that fund.', 'fund');
  end if;
  insert into private.eligibility_questions (fund_id, position, question, hint, answers)
  values (p_fund_id,
          (select coalesce(max(q.position), 0) + 1 from private.eligibility_questions q where q.fund_id = p_fund_id),
          private.clean_text(p_question, 'the question', 300, p_field => 'question'),
          coalesce(private.clean_text(p_hint, 'the hint', 1000, false, p_field => 'hint'), ''),
          private.clean_eligibility_answers(p_answers))
  returning * into v;
  return to_jsonb(v);
end
$$;

select private.grant_api(array['add_eligibility_question'], array['authenticated', 'service_role']);

-- Only what is given changes. An empty hint clears it.
create function api.update_eligibility_question(p_question_id uuid, p_question text default null, p_answers jsonb default null,
                                                p_hint text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.eligibility_questions;
begin
  perform private.require_officer('change the eligibility questions');
  update private.eligibility_questions q set
    question = coalesce(private.clean_text(p_question, 'the question', 300, false, p_field => 'question'), q.question),
    hint = case when p_hint is null then q.hint else coalesce(private.clean_text(p_hint, 'the hint', 1000, false, p_field => 'hint'), '') end,
    answers = case when p_answers is null then q.answers else private.clean_eligibility_answers(p_answers) end,
    updated_at = now()
  where q.id = p_question_id
  returning * into v;
  if v.id is null then
    perform private.refuse('PT404', 'eligibility_question_not_found', 'We could not find that question.');
  end if;
  return to_jsonb(v);
end
$$;

select private.grant_api(array['update_eligibility_question'], array['authenticated', 'service_role']);

-- The questions after it move up one, so positions stay 1, 2, 3 … with no gaps.
create function api.remove_eligibility_question(p_question_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.eligibility_questions;
begin
  perform private.require_officer('change the eligibility questions');
  delete from private.eligibility_questions q where q.id = p_question_id returning * into v;
  if v.id is null then
    perform private.refuse('PT404', 'eligibility_question_not_found', 'We could not find that question.');
  end if;
  update private.eligibility_questions q set position = q.position - 1, updated_at = now()
  where q.fund_id = v.fund_id and q.position > v.position;
  return jsonb_build_object('removed', v.id);
end
$$;

select private.grant_api(array['remove_eligibility_question'], array['authenticated', 'service_role']);

-- Swaps a question with the one above or below it: the editor's "Move up" and "Move down".
create function api.move_eligibility_question(p_question_id uuid, p_direction text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.eligibility_questions;
  v_other private.eligibility_questions;
begin
  perform private.require_officer('change the eligibility questions');
  if p_direction is null or p_direction not in ('up', 'down') then
    perform private.refuse('P0001', 'move_direction_not_valid', 'Move a question "up" or "down".', 'direction');
  end if;
  select * into v from private.eligibility_questions q where q.id = p_question_id for update;
  if v.id is null then
    perform private.refuse('PT404', 'eligibility_question_not_found', 'We could not find that question.');
  end if;
  select * into v_other from private.eligibility_questions q
  where q.fund_id = v.fund_id and q.position = v.position + case p_direction when 'up' then -1 else 1 end
  for update;
  if v_other.id is null then
    perform private.refuse('PT409', 'question_cannot_move', format('That question is already the %s.', case p_direction when 'up' then 'first' else 'last' end),
      'direction', null, jsonb_build_object('direction', p_direction));
  end if;
  update private.eligibility_questions q set position = case q.id when v.id then v_other.position else v.position end, updated_at = now()
  where q.id in (v.id, v_other.id);
  return jsonb_build_object('moved', v.id, 'position', v_other.position);
end
$$;

select private.grant_api(array['move_eligibility_question'], array['authenticated', 'service_role']);

/** Section - Rounds open for applications */

-- Public: rounds an officer has opened for applications whose closing date has not passed, with
-- what an applicant needs to decide whether to apply: the fund, the dates, and the criteria the
-- panel will score. `status` is "open" from the opening date, "opens_soon" before it; `days_left`
-- counts whole days to the closing date (0 on the day it closes).
create function api.open_rounds()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'round_id', r.id, 'round_title', r.title, 'opens_on', r.opens_on, 'closes_on', r.closes_on,
      'status', case when r.opens_on > private.london_today() then 'opens_soon' else 'open' end,
      'days_left', r.closes_on - private.london_today(),
      'fund', jsonb_build_object('slug', f.slug, 'name', f.name, 'description', f.description, 'budget', f.budget,
                                 'budget_period', f.budget_period, 'who_can_apply', f.who_can_apply),
      'has_questions', exists (select 1 from private.eligibility_questions q where q.fund_id = f.id),
      'criteria', coalesce((select jsonb_agg(jsonb_build_object('title', c.title, 'guidance', c.guidance, 'weight', c.weight)
                                             order by c.position)
                            from private.criteria c where c.round_id = r.id), '[]'))
    order by r.closes_on nulls last, f.name), '[]')
  from private.rounds r
  join private.funds f on f.id = r.fund_id
  where r.state = 'open' and (r.closes_on is null or r.closes_on >= private.london_today())
$$;

select private.grant_api(array['open_rounds'], array['anon', 'authenticated', 'service_role']);

revoke execute on all functions in schema private from public;
