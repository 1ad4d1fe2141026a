-- Officers set up funds, rounds and the criteria members score against. Criteria and most round
-- details are fixed once scoring starts, so every member scores against the same questions.

/** Section - Funds */

-- A fund is the pot a round gives from; its slug is its web address.
create function api.create_fund(p_slug text, p_name text, p_budget numeric, p_budget_period text default 'a year', p_description text default '')
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.funds;
begin
  perform private.require_officer('create funds');
  -- The length is checked first: the slug's unique index cannot hold a very long one.
  if p_slug is null or length(p_slug) > 60 or p_slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' then
    perform private.refuse('P0001', 'fund_slug_not_valid', 'Give the fund a short web name of up to 60 lower-case letters, numbers and single hyphens, like "innovation-fund".',
      'slug');
  end if;
  if p_budget is null or p_budget <= 0 then
    perform private.refuse('P0001', 'fund_budget_not_valid', 'Enter the fund''s budget in pounds. It must be more than zero.', 'budget');
  end if;
  if exists (select 1 from private.funds f where f.slug = p_slug) then
    perform private.refuse('PT409', 'fund_slug_taken', format('There is already a fund called "%s".', p_slug), 'slug');
  end if;
  insert into private.funds (slug, name, budget, budget_period, description)
  values (p_slug, private.clean_text(p_name, 'the fund''s name', 200, p_field => 'name'), p_budget,
          private.clean_text(p_budget_period, 'the budget period', 60, p_field => 'budget_period'),
          coalesce(private.clean_text(p_description, 'the description', 4000, false, p_field => 'description'), ''))
  returning * into v;
  return to_jsonb(v);
end
$$;

select private.grant_api(array['create_fund'], array['authenticated', 'service_role']);

-- Only the fields given change; the slug stays, since it is the fund's address. "Who can apply"
-- is the sentence /grants/ shows beside each open round; an empty one clears it.
create function api.update_fund(p_fund_id uuid, p_name text default null, p_budget numeric default null,
                                 p_budget_period text default null, p_description text default null,
                                 p_who_can_apply text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.funds;
begin
  perform private.require_officer('change funds');
  if p_budget is not null and p_budget <= 0 then
    perform private.refuse('P0001', 'fund_budget_not_valid', 'Enter the fund''s budget in pounds. It must be more than zero.', 'budget');
  end if;
  update private.funds f set
    name = coalesce(private.clean_text(p_name, 'the fund''s name', 200, false, p_field => 'name'), f.name),
    budget = coalesce(p_budget, f.budget),
    budget_period = coalesce(private.clean_text(p_budget_period, 'the budget period', 60, false, p_field => 'budget_period'), f.budget_period),
    description = coalesce(private.clean_text(p_description, 'the description', 4000, false, p_field => 'description'), f.description),
    who_can_apply = case when p_who_can_apply is null then f.who_can_apply
                         else coalesce(private.clean_text(p_who_can_apply, 'who can apply', 1000, false, p_field => 'who_can_apply'), '') end,
    updated_at = now()
  where f.id = p_fund_id
  returning * into v;
  if v.id is null then
    perform private.refuse('PT404', 'fund_not_found', 'We could not find that fund.');
  end if;
  return to_jsonb(v);
end
$$;

select private.grant_api(array['update_fund'], array['authenticated', 'service_role']);

-- Funds are public information (name, purpose, budget): anyone may list them.
create function api.list_funds()
returns table (id uuid, slug text, name text, description text, budget numeric, budget_period text)
language sql
stable
security definer
set search_path = ''
as $$
  select f.id, f.slug, f.name, f.description, f.budget, f.budget_period from private.funds f order by f.name
$$;

select private.grant_api(array['list_funds'], array['anon', 'authenticated', 'service_role']);

/** Section - Rounds */

-- How many members of each seat a fair panel needs, besides the chair: whole numbers from 0 to
-- 20, refused with a key naming the field (the table's check would be a bare constraint error).
create function private.check_panel_numbers(p_community int, p_councillors int, p_required boolean)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if (p_required and p_community is null) or p_community not between 0 and 20 then
    perform private.refuse('P0001', 'panel_numbers_out_of_range', 'The number of community members needed must be a whole number from 0 to 20.',
      'community_members_needed');
  end if;
  if (p_required and p_councillors is null) or p_councillors not between 0 and 20 then
    perform private.refuse('P0001', 'panel_numbers_out_of_range', 'The number of councillors needed must be a whole number from 0 to 20.',
      'councillors_needed');
  end if;
end
$$;

-- A round starts as a draft; the reference prefix numbers its applications.
create function api.create_round(p_fund_id uuid, p_title text, p_reference_prefix text,
                                  p_opens_on date default null, p_closes_on date default null,
                                  p_scoring_deadline timestamptz default null, p_panel_date date default null,
                                  p_seat_margin numeric default 10, p_agreement_text text default null,
                                  p_community_members_needed int default 2, p_councillors_needed int default 2)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.rounds;
begin
  perform private.require_officer('create grant rounds');
  if not exists (select 1 from private.funds f where f.id = p_fund_id) then
    perform private.refuse('PT404', 'fund_not_found', 'We could not find that fund.', 'fund_id');
  end if;
  if p_reference_prefix is null or p_reference_prefix !~ '^[A-Z0-9]{2,10}$' then
    perform private.refuse('P0001', 'reference_prefix_not_valid', 'Give the round a reference prefix of 2 to 10 capital letters or numbers, like "INN26".',
      'reference_prefix');
  end if;
  if exists (select 1 from private.rounds r where r.reference_prefix = p_reference_prefix) then
    perform private.refuse('PT409', 'reference_prefix_taken', format('Another round already uses the reference prefix "%s".', p_reference_prefix),
      'reference_prefix');
  end if;
  if p_seat_margin is null or p_seat_margin < 0 or p_seat_margin > 100 then
    perform private.refuse('P0001', 'seat_margin_out_of_range', 'The seat margin is a number of points from 0 to 100.', 'seat_margin');
  end if;
  if p_opens_on is not null and p_closes_on is not null and p_closes_on < p_opens_on then
    perform private.refuse('P0001', 'closing_before_opening', 'The closing date must be on or after the opening date.', 'closes_on');
  end if;
  perform private.check_panel_numbers(p_community_members_needed, p_councillors_needed, true);
  -- One insert either way, so creating a round leaves exactly one audit event.
  if p_agreement_text is null then
    insert into private.rounds (fund_id, title, reference_prefix, opens_on, closes_on, scoring_deadline, panel_date, seat_margin,
                                community_members_needed, councillors_needed)
    values (p_fund_id, private.clean_text(p_title, 'the round''s title', 200, p_field => 'title'), p_reference_prefix, p_opens_on, p_closes_on,
            p_scoring_deadline, p_panel_date, p_seat_margin, p_community_members_needed, p_councillors_needed)
    returning * into v;
  else
    insert into private.rounds (fund_id, title, reference_prefix, opens_on, closes_on, scoring_deadline, panel_date, seat_margin,
                                community_members_needed, councillors_needed, agreement_text)
    values (p_fund_id, private.clean_text(p_title, 'the round''s title', 200, p_field => 'title'), p_reference_prefix, p_opens_on, p_closes_on,
            p_scoring_deadline, p_panel_date, p_seat_margin, p_community_members_needed, p_councillors_needed,
            private.clean_text(p_agreement_text, 'the confidentiality agreement', 8000, p_field => 'agreement_text'))
    returning * into v;
  end if;
  return to_jsonb(v);
end
$$;

select private.grant_api(array['create_round'], array['authenticated', 'service_role']);

-- Title, dates of the call, margin and agreement are fixed once scoring starts; the scoring
-- deadline and panel date can move until the panel meets.
create function api.update_round(p_round_id uuid, p_title text default null, p_opens_on date default null,
                                  p_closes_on date default null, p_scoring_deadline timestamptz default null,
                                  p_panel_date date default null, p_seat_margin numeric default null,
                                  p_agreement_text text default null, p_community_members_needed int default null,
                                  p_councillors_needed int default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.rounds;
begin
  perform private.require_officer('change grant rounds');
  select * into v from private.rounds r where r.id = p_round_id for update;
  if v.id is null then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  if coalesce(p_title, p_agreement_text) is not null or coalesce(p_opens_on, p_closes_on) is not null or p_seat_margin is not null
     or coalesce(p_community_members_needed, p_councillors_needed) is not null then
    perform private.require_state(v, 'draft', 'closed',
      'round_details_fixed', 'The title, dates, seat margin, panel numbers and confidentiality agreement are fixed once scoring has started.');
  end if;
  perform private.check_panel_numbers(p_community_members_needed, p_councillors_needed, false);
  if p_scoring_deadline is not null or p_panel_date is not null then
    perform private.require_state(v, 'draft', 'scoring',
      'round_dates_fixed', 'The scoring deadline and panel date cannot change after the panel has met.');
  end if;
  if p_seat_margin is not null and (p_seat_margin < 0 or p_seat_margin > 100) then
    perform private.refuse('P0001', 'seat_margin_out_of_range', 'The seat margin is a number of points from 0 to 100.', 'seat_margin');
  end if;
  if coalesce(p_closes_on, v.closes_on) < coalesce(p_opens_on, v.opens_on) then
    perform private.refuse('P0001', 'closing_before_opening', 'The closing date must be on or after the opening date.', 'closes_on');
  end if;
  update private.rounds r set
    title = coalesce(private.clean_text(p_title, 'the round''s title', 200, false, p_field => 'title'), r.title),
    opens_on = coalesce(p_opens_on, r.opens_on),
    closes_on = coalesce(p_closes_on, r.closes_on),
    scoring_deadline = coalesce(p_scoring_deadline, r.scoring_deadline),
    panel_date = coalesce(p_panel_date, r.panel_date),
    seat_margin = coalesce(p_seat_margin, r.seat_margin),
    community_members_needed = coalesce(p_community_members_needed, r.community_members_needed),
    councillors_needed = coalesce(p_councillors_needed, r.councillors_needed),
    agreement_text = coalesce(private.clean_text(p_agreement_text, 'the confidentiality agreement', 8000, false, p_field => 'agreement_text'), r.agreement_text),
    updated_at = now()
  where r.id = p_round_id
  returning * into v;
  return to_jsonb(v);
end
$$;

select private.grant_api(array['update_round'], array['authenticated', 'service_role']);

/** Section - Criteria */

-- Descriptors: one plain-English line for each score from 0 to the maximum.
create function private.check_descriptors(p_descriptors jsonb, p_maximum int)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_maximum is null or p_maximum < 1 or p_maximum > 10 then
    perform private.refuse('P0001', 'maximum_score_out_of_range', 'The highest score for a question must be a whole number from 1 to 10.', 'maximum');
  end if;
  if p_descriptors is null or jsonb_typeof(p_descriptors) <> 'array' or jsonb_array_length(p_descriptors) <> p_maximum + 1
     or exists (select 1 from jsonb_array_elements(p_descriptors) d
                where jsonb_typeof(d) <> 'string' or length(btrim(d #>> '{}')) = 0) then
    perform private.refuse('P0001', 'descriptors_not_valid', format('Describe each score from 0 to %s in plain words: %s descriptions in all, in order.', p_maximum, p_maximum + 1),
      'descriptors', null, jsonb_build_object('maximum', p_maximum, 'descriptors_needed', p_maximum + 1));
  end if;
end
$$;

-- The round whose criteria are changed, if they may still change: every member scores the
-- same questions, so they are fixed once scoring starts.
create function private.editable_criteria_round(p_round_id uuid)
returns private.rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v private.rounds;
begin
  select * into v from private.rounds r where r.id = p_round_id;
  if v.id is null then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  perform private.require_state(v, 'draft', 'closed', 'criteria_fixed', 'The questions cannot change once scoring has started.');
  return v;
end
$$;

-- Criteria are numbered in the order they are added unless a position is given.
create function api.add_criterion(p_round_id uuid, p_title text, p_weight numeric, p_maximum int, p_descriptors jsonb,
                                   p_guidance text default '', p_position int default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.criteria;
begin
  perform private.require_officer('set the scoring questions');
  perform private.editable_criteria_round(p_round_id);
  if p_weight is null or p_weight <= 0 or p_weight > 100 then
    perform private.refuse('P0001', 'weight_out_of_range', 'The weight must be more than 0 and no more than 100.', 'weight');
  end if;
  perform private.check_descriptors(p_descriptors, p_maximum);
  insert into private.criteria (round_id, position, title, guidance, weight, maximum, descriptors)
  values (p_round_id,
          coalesce(p_position, (select coalesce(max(c.position), 0) + 1 from private.criteria c where c.round_id = p_round_id)),
          private.clean_text(p_title, 'the question', 200, p_field => 'title'),
          coalesce(private.clean_text(p_guidance, 'the guidance', 4000, false, p_field => 'guidance'), ''),
          p_weight, p_maximum, p_descriptors)
  returning * into v;
  return to_jsonb(v);
end
$$;

select private.grant_api(array['add_criterion'], array['authenticated', 'service_role']);

-- Only the fields given change; the descriptors are checked against the (new) maximum.
create function api.update_criterion(p_criterion_id uuid, p_title text default null, p_guidance text default null,
                                      p_weight numeric default null, p_maximum int default null,
                                      p_descriptors jsonb default null, p_position int default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.criteria;
begin
  perform private.require_officer('set the scoring questions');
  select * into v from private.criteria c where c.id = p_criterion_id;
  if v.id is null then
    perform private.refuse('PT404', 'criterion_not_found', 'We could not find that scoring question.');
  end if;
  perform private.editable_criteria_round(v.round_id);
  if p_weight is not null and (p_weight <= 0 or p_weight > 100) then
    perform private.refuse('P0001', 'weight_out_of_range', 'The weight must be more than 0 and no more than 100.', 'weight');
  end if;
  if p_maximum is not null or p_descriptors is not null then
    perform private.check_descriptors(coalesce(p_descriptors, v.descriptors), coalesce(p_maximum, v.maximum));
  end if;
  update private.criteria c set
    title = coalesce(private.clean_text(p_title, 'the question', 200, false, p_field => 'title'), c.title),
    guidance = coalesce(private.clean_text(p_guidance, 'the guidance', 4000, false, p_field => 'guidance'), c.guidance),
    weight = coalesce(p_weight, c.weight),
    maximum = coalesce(p_maximum, c.maximum),
    descriptors = coalesce(p_descriptors, c.descriptors),
    position = coalesce(p_position, c.position),
    updated_at = now()
  where c.id = p_criterion_id
  returning * into v;
  return to_jsonb(v);
end
$$;

select private.grant_api(array['update_criterion'], array['authenticated', 'service_role']);

-- Removing is allowed only while criteria may change, so no score can lose its criterion.
create function api.remove_criterion(p_criterion_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.criteria;
begin
  perform private.require_officer('set the scoring questions');
  select * into v from private.criteria c where c.id = p_criterion_id;
  if v.id is null then
    perform private.refuse('PT404', 'criterion_not_found', 'We could not find that scoring question.');
  end if;
  perform private.editable_criteria_round(v.round_id);
  delete from private.criteria c where c.id = p_criterion_id;
  return jsonb_build_object('removed', p_criterion_id);
end
$$;

select private.grant_api(array['remove_criterion'], array['authenticated', 'service_role']);
