-- Online applications (issue 15): a community group applies to an open round itself, in
-- GOV.UK's task-list pattern. The applicant's draft lives in private.online_applications, one
-- per applicant per round, task by task; each task is checked and saved on the server as the
-- person goes, so they can leave and come back on any device. Submitting (before the deadline,
-- checked under the draft's row lock) creates the private.applications and application_contacts
-- rows the panel already uses, with no summary: the round cannot move to scoring until an
-- officer has written one (private.references_without in the state functions), so nothing the
-- applicant wrote reaches a panel pack unread. Officers can reopen one task to ask for missing
-- information; the applicant changes that task and sends it again.
--
-- The api functions here are named apply_*; tests/db/grants/online-applications.test.ts covers
-- them as each kind of caller (the grants matrix and audit coverage leave them to it).

/** Section - The drafts */

-- The tasks of the application, in the order the task list shows them: their one definition.
-- src/lib/grants/apply-tasks.ts lists the same (tests/unit/lib/grants/apply-tasks.test.ts and
-- the database test compare them).
create function private.apply_tasks()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array['organisation', 'contact', 'project', 'money', 'outcomes', 'declaration']
$$;

-- What the applicant has written, task by task ({"organisation": {...}, "contact": {...}}), and
-- which tasks they have finished. `status` is the applicant's side only: where the round has
-- got to (with the panel, decided...) is read from the round when it is shown.
create table private.online_applications (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references private.rounds (id),
  applicant_id uuid not null references private.people (id),
  answers jsonb not null default '{}' check (jsonb_typeof(answers) = 'object'),
  completed text[] not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'submitted', 'reopened', 'withdrawn')),
  -- Given at the first submission and kept, even after a withdrawal, so it is never reused.
  reference text unique,
  -- The panel's copy; a withdrawal deletes it (before scoring nothing else refers to it).
  application_id uuid unique references private.applications (id) on delete set null,
  -- The one task an officer reopened, and what they asked for.
  reopened_task text,
  reopened_message text,
  reopened_at timestamptz,
  saved_at timestamptz not null default now(),
  submitted_at timestamptz,
  withdrawn_at timestamptz,
  created_at timestamptz not null default now(),
  unique (round_id, applicant_id),
  check ((status = 'reopened') = (reopened_task is not null)),
  check (status = 'draft' or status = 'withdrawn' or reference is not null)
);
create index online_applications_applicant on private.online_applications (applicant_id);
alter table private.online_applications enable row level security;
revoke all on table private.online_applications from public, anon, authenticated;
select private.audit_table('private.online_applications');

/** Section - The deadline */

-- The moment applications close: the end of the closing date in Oxfordshire (midnight at the
-- start of the next day, Europe/London), or never when the round has no closing date.
create function private.apply_deadline(p_round private.rounds)
returns timestamptz
language sql
stable
set search_path = ''
as $$
  select case when p_round.closes_on is null then null
    else ((p_round.closes_on + 1)::timestamp at time zone 'Europe/London') end
$$;

-- Whether the round takes applications now: open, past its opening date, before its deadline.
create function private.taking_applications(p_round private.rounds)
returns boolean
language sql
stable
set search_path = ''
as $$
  select p_round.state = 'open' and (p_round.opens_on is null or p_round.opens_on <= (now() at time zone 'Europe/London')::date)
         and (p_round.closes_on is null or now() < private.apply_deadline(p_round))
$$;

-- Raises unless the round takes applications now, saying which way not. Called after the
-- caller's rows are locked, so a submission either beats the deadline or is refused whole.
create function private.require_taking_applications(p_round private.rounds)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if private.taking_applications(p_round) then
    return;
  end if;
  if p_round.state = 'open' and p_round.closes_on is not null and now() >= private.apply_deadline(p_round) then
    perform private.refuse('PT409', 'deadline_passed', 'The deadline for this round has passed, so applications can no longer be sent. Your draft is kept.',
      null, null, jsonb_build_object('closes_on', p_round.closes_on));
  end if;
  perform private.refuse('PT409', 'round_not_taking_applications', 'This round is not taking applications now.',
    null, null, jsonb_build_object('state', p_round.state, 'opens_on', p_round.opens_on));
end
$$;

/** Section - Checking each task */

-- A UK postcode in its usual form ("OX1 1AA"), or a refusal naming the field.
create function private.apply_postcode(p_value text, p_field text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v text := upper(regexp_replace(coalesce(p_value, ''), '\s', '', 'g'));
begin
  if v = '' then
    perform private.refuse('P0001', 'required', 'Enter the postcode.', p_field);
  end if;
  if v !~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$' then
    perform private.refuse('P0001', 'postcode_not_valid', 'Enter a real postcode, like OX1 1AA.', p_field);
  end if;
  return left(v, length(v) - 3) || ' ' || right(v, 3);
end
$$;

-- A date sent as YYYY-MM-DD (what the GOV.UK date input gives), or a refusal naming the field.
-- Postgres's own cast refuses 2027-02-30 with an error of its own, hence the catch.
create function private.apply_date(p_value text, p_label text, p_field text)
returns date
language plpgsql
immutable
set search_path = ''
as $$
declare
  v date;
begin
  if nullif(btrim(coalesce(p_value, '')), '') is null then
    perform private.refuse('P0001', 'required', format('Enter %s.', p_label), p_field);
  end if;
  begin
    v := case when p_value ~ '^\d{4}-\d{2}-\d{2}$' then p_value::date end;
  exception when others then
    v := null;
  end;
  if v is null or to_char(v, 'YYYY-MM-DD') <> p_value or v < date '2000-01-01' or v > date '2100-12-31' then
    perform private.refuse('P0001', 'date_not_valid', format('%s must be a real date, like 27 3 2027.', initcap(p_label)), p_field);
  end if;
  return v;
end
$$;

-- An amount in pounds sent as a JSON number, more than zero and at most £10 million, in pence.
create function private.apply_amount(p_value jsonb, p_key text, p_field text)
returns numeric
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_value is null or jsonb_typeof(p_value) = 'null' then
    perform private.refuse('P0001', 'required', 'Enter an amount in pounds.', p_field);
  end if;
  if jsonb_typeof(p_value) <> 'number' or (p_value #>> '{}')::numeric <= 0 or (p_value #>> '{}')::numeric > 10000000
     or (p_value #>> '{}')::numeric <> round((p_value #>> '{}')::numeric, 2) then
    perform private.refuse('P0001', p_key, 'Enter an amount in pounds more than £0, like 1500 or 1500.50.', p_field);
  end if;
  return (p_value #>> '{}')::numeric;
end
$$;

-- One task's answers, checked and cleaned, each problem a refusal with its field; what is kept
-- is only the fields the task has (anything else sent is dropped).
create function private.apply_check_task(p_task text, p jsonb)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_type text;
  v_charity text;
  v_company text;
  v_start date;
  v_end date;
  v_amount numeric;
  v_lines jsonb := '[]';
  v_line jsonb;
  v_total numeric := 0;
  i int := 0;
begin
  if p is null or jsonb_typeof(p) <> 'object' then
    perform private.refuse('P0001', 'answers_not_an_object', 'Send the answers as an object of named fields.');
  end if;
  case p_task
  when 'organisation' then
    v_type := p ->> 'organisation_type';
    if coalesce(v_type, '') not in ('registered charity', 'charitable incorporated organisation', 'community interest company',
        'company limited by guarantee', 'community group', 'social enterprise', 'other') then
      perform private.refuse('P0001', 'organisation_type_not_valid', 'Choose the type of organisation.', 'organisation_type');
    end if;
    v_charity := upper(regexp_replace(coalesce(p ->> 'charity_number', ''), '\s', '', 'g'));
    v_company := upper(regexp_replace(coalesce(p ->> 'company_number', ''), '\s', '', 'g'));
    if v_charity = '' and v_type in ('registered charity', 'charitable incorporated organisation') then
      perform private.refuse('P0001', 'charity_number_needed', 'Enter your charity number.', 'charity_number');
    end if;
    if v_charity <> '' and v_charity !~ '^[0-9]{6,8}(-[0-9]+)?$' then
      perform private.refuse('P0001', 'charity_number_not_valid', 'A charity number is 6 to 8 digits, like 1234567.', 'charity_number');
    end if;
    if v_company = '' and v_type in ('community interest company', 'company limited by guarantee') then
      perform private.refuse('P0001', 'company_number_needed', 'Enter your company number.', 'company_number');
    end if;
    if v_company <> '' and v_company !~ '^[A-Z0-9]{8}$' then
      perform private.refuse('P0001', 'company_number_not_valid', 'A company number is 8 characters, like 01234567 or SC123456.', 'company_number');
    end if;
    return jsonb_build_object(
      'organisation_name', private.clean_text(p ->> 'organisation_name', 'the name of your organisation', 200, p_field => 'organisation_name'),
      'organisation_type', v_type,
      'charity_number', nullif(v_charity, ''),
      'company_number', nullif(v_company, ''),
      'address', private.clean_text(p ->> 'address', 'your organisation''s address', 500, p_field => 'address'),
      'postcode', private.apply_postcode(p ->> 'postcode', 'postcode'));
  when 'contact' then
    if nullif(btrim(coalesce(p ->> 'contact_email', '')), '') is null then
      perform private.refuse('P0001', 'required', 'Enter the contact''s email address.', 'contact_email');
    end if;
    if btrim(p ->> 'contact_email') !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or length(btrim(p ->> 'contact_email')) > 254 then
      perform private.refuse('P0001', 'contact_email_not_valid', 'Enter the contact''s email address in the right format, like name@example.org.', 'contact_email');
    end if;
    if nullif(btrim(coalesce(p ->> 'contact_phone', '')), '') is not null
       and regexp_replace(p ->> 'contact_phone', '[\s()+-]', '', 'g') !~ '^[0-9]{10,13}$' then
      perform private.refuse('P0001', 'contact_phone_not_valid', 'Enter a phone number, like 01865 123456 or 07700 900123.', 'contact_phone');
    end if;
    return jsonb_build_object(
      'contact_name', private.clean_text(p ->> 'contact_name', 'the contact''s full name', 200, p_field => 'contact_name'),
      'contact_role', private.clean_text(p ->> 'contact_role', 'the contact''s role', 200, false, 'contact_role'),
      'contact_email', lower(btrim(p ->> 'contact_email')),
      'contact_phone', nullif(btrim(coalesce(p ->> 'contact_phone', '')), ''));
  when 'project' then
    v_start := private.apply_date(p ->> 'planned_start', 'the start date', 'planned_start');
    v_end := private.apply_date(p ->> 'planned_end', 'the end date', 'planned_end');
    if v_end < v_start then
      perform private.refuse('P0001', 'planned_end_before_start', 'The end date must be on or after the start date.', 'planned_end');
    end if;
    return jsonb_build_object(
      'project_title', private.clean_text(p ->> 'project_title', 'the name of your project', 200, p_field => 'project_title'),
      'description', private.clean_text(p ->> 'description', 'what your project will do', 6000, p_field => 'description'),
      'beneficiaries', private.clean_text(p ->> 'beneficiaries', 'who will benefit', 3000, p_field => 'beneficiaries'),
      'area', private.clean_text(p ->> 'area', 'where the project will happen', 200, p_field => 'area'),
      'planned_start', v_start, 'planned_end', v_end);
  when 'money' then
    v_amount := private.apply_amount(p -> 'amount_requested', 'amount_requested_not_valid', 'amount_requested');
    if jsonb_typeof(p -> 'budget_lines') is distinct from 'array' or jsonb_array_length(p -> 'budget_lines') = 0 then
      perform private.refuse('P0001', 'budget_lines_needed', 'Add at least one line to your budget.', 'budget_lines');
    end if;
    if jsonb_array_length(p -> 'budget_lines') > 20 then
      perform private.refuse('P0001', 'budget_lines_too_many', 'Keep your budget to 20 lines or fewer.', 'budget_lines');
    end if;
    for v_line in select * from jsonb_array_elements(p -> 'budget_lines') loop
      i := i + 1;
      if jsonb_typeof(v_line) <> 'object' then
        perform private.refuse('P0001', 'budget_lines_needed', 'Each budget line needs what it is for and its cost.', 'budget_lines');
      end if;
      v_lines := v_lines || jsonb_build_array(jsonb_build_object(
        'item', private.clean_text(v_line ->> 'item', format('what budget line %s is for', i), 200, p_field => format('budget_item_%s', i)),
        'amount', private.apply_amount(v_line -> 'amount', 'budget_amount_not_valid', format('budget_amount_%s', i))));
      v_total := v_total + (v_line ->> 'amount')::numeric;
    end loop;
    if v_total <> v_amount then
      perform private.refuse('P0001', 'budget_does_not_add_up',
        format('Your budget lines add up to £%s, but you are asking for £%s. Make them the same.', to_char(v_total, 'FM999,999,990.00'), to_char(v_amount, 'FM999,999,990.00')),
        'budget_lines', null, jsonb_build_object('total', v_total, 'amount', v_amount));
    end if;
    return jsonb_build_object('amount_requested', v_amount, 'budget_lines', v_lines,
      'other_funding', private.clean_text(p ->> 'other_funding', 'your other funding', 2000, false, 'other_funding'));
  when 'outcomes' then
    return jsonb_build_object('outcomes', private.clean_text(p ->> 'outcomes', 'what difference your project will make', 4000, p_field => 'outcomes'));
  when 'declaration' then
    if (p -> 'confirmed') is distinct from 'true'::jsonb then
      perform private.refuse('P0001', 'declaration_needed', 'Confirm that the information you have given is true.', 'confirmed');
    end if;
    return jsonb_build_object('confirmed', true,
      'declared_by', private.clean_text(p ->> 'declared_by', 'your full name', 200, p_field => 'declared_by'));
  else
    perform private.refuse('P0001', 'task_not_found', 'There is no such part of the application.', 'task');
  end case;
  return null;
end
$$;

/** Section - From the draft to the panel's copy */

-- The next reference in a round: one more than the highest given, counting online
-- applications' references too, so a withdrawn application's number is never given again.
create function private.next_application_reference(p_round private.rounds)
returns text
language sql
stable
set search_path = ''
as $$
  select p_round.reference_prefix || '-' || lpad((coalesce(max(split_part(x.reference, '-', 2)::int), 0) + 1)::text, 3, '0')
  from (select a.reference from private.applications a where a.round_id = p_round.id
        union all
        select o.reference from private.online_applications o where o.round_id = p_round.id and o.reference is not null) x
  where x.reference ~ '-[0-9]+$'
$$;

-- The draft's answers in the shape api.add_application takes, so both ways in write the same rows.
create function private.online_application_object(p_answers jsonb, p_applicant uuid)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_build_object(
    'organisation_name', o ->> 'organisation_name', 'organisation_type', o ->> 'organisation_type',
    'charity_number', o ->> 'charity_number', 'company_number', o ->> 'company_number',
    'recipient_postcode', o ->> 'postcode',
    'project_title', pr ->> 'project_title', 'description', pr ->> 'description',
    'beneficiaries', pr ->> 'beneficiaries', 'area', pr ->> 'area',
    'planned_start', pr ->> 'planned_start', 'planned_end', pr ->> 'planned_end',
    'amount_requested', m -> 'amount_requested', 'budget_lines', m -> 'budget_lines',
    'outcomes', p_answers -> 'outcomes' ->> 'outcomes',
    'applicant_id', p_applicant,
    'contact', jsonb_build_object('name', c ->> 'contact_name', 'role', c ->> 'contact_role', 'email', c ->> 'contact_email',
                                  'phone', c ->> 'contact_phone', 'address', concat_ws(E'\n', o ->> 'address', o ->> 'postcode')))
  from (select p_answers -> 'organisation' as o, p_answers -> 'project' as pr, p_answers -> 'money' as m, p_answers -> 'contact' as c) t
$$;

-- The panel's copy (and its contact row) from an application object; the one insert both ways in use.
create function private.insert_application(p_round private.rounds, p jsonb, p_reference text)
returns private.applications
language plpgsql
volatile
set search_path = ''
as $$
declare
  v private.applications;
begin
  insert into private.applications (round_id, reference, organisation_name, organisation_type, charity_number, company_number,
    project_title, description, amount_requested, budget_lines, outcomes, beneficiaries, area, recipient_postcode,
    planned_start, planned_end, applicant_id)
  values (p_round.id, p_reference,
    private.clean_text(p ->> 'organisation_name', 'the organisation''s name', 200, p_field => 'organisation_name'), p ->> 'organisation_type',
    private.json_text(p, 'charity_number'), private.json_text(p, 'company_number'),
    private.clean_text(p ->> 'project_title', 'the project title', 200, p_field => 'project_title'),
    private.clean_text(p ->> 'description', 'a description of the project', 10000, p_field => 'description'),
    (p ->> 'amount_requested')::numeric, coalesce(p -> 'budget_lines', '[]'),
    coalesce(private.clean_text(p ->> 'outcomes', 'the outcomes', 4000, false, p_field => 'outcomes'), ''),
    coalesce(private.clean_text(p ->> 'beneficiaries', 'who will benefit', 4000, false, p_field => 'beneficiaries'), ''),
    coalesce(private.clean_text(p ->> 'area', 'the area', 200, false, p_field => 'area'), ''),
    private.json_text(p, 'recipient_postcode'), private.json_text(p, 'planned_start')::date, private.json_text(p, 'planned_end')::date,
    (select pe.id from private.people pe where pe.id::text = p ->> 'applicant_id'))
  returning * into v;
  insert into private.application_contacts (application_id, contact_name, contact_role, email, phone, address)
  values (v.id, private.clean_text(p -> 'contact' ->> 'name', 'the contact''s name', 200, p_field => 'contact_name'),
          private.json_text(p -> 'contact', 'role'), private.json_text(p -> 'contact', 'email'),
          private.json_text(p -> 'contact', 'phone'), private.json_text(p -> 'contact', 'address'));
  return v;
end
$$;

-- A resubmission after an officer asked for more: the panel's copy takes the new answers and
-- keeps its id, reference and the officer's summary (which they can then rewrite).
create function private.refresh_application(p_application_id uuid, p jsonb)
returns void
language sql
volatile
set search_path = ''
as $$
  update private.applications a set
    organisation_name = p ->> 'organisation_name', organisation_type = p ->> 'organisation_type',
    charity_number = p ->> 'charity_number', company_number = p ->> 'company_number',
    project_title = p ->> 'project_title', description = p ->> 'description',
    amount_requested = (p ->> 'amount_requested')::numeric, budget_lines = p -> 'budget_lines',
    outcomes = p ->> 'outcomes', beneficiaries = p ->> 'beneficiaries', area = p ->> 'area',
    recipient_postcode = p ->> 'recipient_postcode', planned_start = (p ->> 'planned_start')::date,
    planned_end = (p ->> 'planned_end')::date, updated_at = now()
  where a.id = p_application_id;
  update private.application_contacts c set
    contact_name = p -> 'contact' ->> 'name', contact_role = p -> 'contact' ->> 'role', email = p -> 'contact' ->> 'email',
    phone = p -> 'contact' ->> 'phone', address = p -> 'contact' ->> 'address'
  where c.application_id = p_application_id;
$$;

/** Section - What the applicant sees */

-- The applicant's words for where an application has got to, from their side and the round's.
create function private.apply_status(p_online private.online_applications, p_state private.round_state)
returns text
language sql
stable
set search_path = ''
as $$
  select case
    when p_online.status in ('draft', 'withdrawn', 'reopened') then p_online.status
    when p_state in ('open', 'closed') then 'submitted'
    when p_state in ('scoring', 'panel') then 'with_panel'
    else p_state::text end
$$;

-- One online application as its applicant sees it, with its round; once the round is published,
-- the outcome (Cabinet's decision is public then).
create function private.apply_view(p_online private.online_applications)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_online.id, 'round_id', r.id, 'round_title', r.title, 'fund_name', f.name,
    'closes_on', r.closes_on, 'deadline', private.apply_deadline(r),
    'status', private.apply_status(p_online, r.state),
    'reference', p_online.reference, 'answers', p_online.answers, 'completed', to_jsonb(p_online.completed),
    'reopened_task', p_online.reopened_task, 'reopened_message', p_online.reopened_message,
    'saved_at', p_online.saved_at, 'submitted_at', p_online.submitted_at, 'withdrawn_at', p_online.withdrawn_at,
    'may_withdraw', p_online.status <> 'withdrawn' and r.state in ('open', 'closed'),
    'outcome', case when r.state = 'published' then
      (select jsonb_build_object('decision', d.decision, 'amount', d.amount, 'conditions', d.conditions, 'decided_on', d.decided_on)
       from private.cabinet_decisions d where d.application_id = p_online.application_id) end)
  from private.rounds r join private.funds f on f.id = r.fund_id
  where r.id = p_online.round_id
$$;

-- The signed-in caller, or a 401-like refusal for someone not signed in.
create function private.require_applicant()
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_me uuid := private.caller();
begin
  if v_me is null or not exists (select 1 from private.people p where p.id = v_me) then
    perform private.refuse('PT403', 'sign_in_needed', 'Sign in to apply.');
  end if;
  return v_me;
end
$$;

-- A round open to applicants (or that was: its draft stays readable), by id or reference
-- prefix, with the caller's own application to it if they have started one. Rounds still in
-- draft are not public: the same 404 as a round that does not exist.
create function api.apply_round(p_round text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_me uuid := private.require_applicant();
  v_round private.rounds;
  v_online private.online_applications;
begin
  select * into v_round from private.rounds r
  where (case when p_round ~* '^[0-9a-f-]{36}$' then r.id = p_round::uuid else r.reference_prefix = upper(p_round) end)
    and r.state <> 'draft';
  if v_round.id is null then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  select * into v_online from private.online_applications o where o.round_id = v_round.id and o.applicant_id = v_me;
  return jsonb_build_object(
    'round', (select jsonb_build_object('id', v_round.id, 'title', v_round.title, 'fund_name', f.name, 'fund_description', f.description,
                     'state', v_round.state, 'opens_on', v_round.opens_on, 'closes_on', v_round.closes_on,
                     'deadline', private.apply_deadline(v_round),
                     'taking_applications', private.taking_applications(v_round))
              from private.funds f where f.id = v_round.fund_id),
    'application', case when v_online.id is not null then private.apply_view(v_online) end);
end
$$;

select private.grant_api(array['apply_round'], array['authenticated']);

-- The caller's online applications, newest first.
create function api.apply_my_applications()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_me uuid := private.require_applicant();
begin
  return coalesce((select jsonb_agg(private.apply_view(o) order by o.created_at desc)
                   from private.online_applications o where o.applicant_id = v_me), '[]');
end
$$;

select private.grant_api(array['apply_my_applications'], array['authenticated']);

/** Section - Saving, sending and withdrawing */

-- Saves one task (checked in full) and marks it complete. A new draft starts only while the
-- round takes applications; a draft is changed only until its deadline; a sent application
-- only in the one task an officer reopened.
create function api.apply_save_task(p_round_id uuid, p_task text, p_answers jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_me uuid := private.require_applicant();
  v_round private.rounds;
  v_online private.online_applications;
  v_clean jsonb;
begin
  select * into v_round from private.rounds r where r.id = p_round_id and r.state <> 'draft';
  if v_round.id is null then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  if p_task is null or not p_task = any (private.apply_tasks()) then
    perform private.refuse('P0001', 'task_not_found', 'There is no such part of the application.', 'task');
  end if;
  select * into v_online from private.online_applications o where o.round_id = p_round_id and o.applicant_id = v_me for update;
  if v_online.status = 'withdrawn' then
    perform private.refuse('PT409', 'application_withdrawn', 'You withdrew this application, so it cannot be changed.');
  elsif v_online.status = 'submitted' then
    perform private.refuse('PT409', 'application_already_sent', 'You have sent this application, so it cannot be changed now.');
  elsif v_online.status = 'reopened' then
    if p_task <> v_online.reopened_task then
      perform private.refuse('PT409', 'task_not_reopened', 'Only the part the grants team asked about can be changed.', 'task',
        null, jsonb_build_object('reopened_task', v_online.reopened_task));
    end if;
    perform private.require_state(v_round, 'open', 'closed', 'applications_fixed', 'Applications cannot change once scoring has started.');
  else
    perform private.require_taking_applications(v_round);
  end if;
  v_clean := private.apply_check_task(p_task, p_answers);
  insert into private.online_applications as o (round_id, applicant_id, answers, completed)
  values (p_round_id, v_me, jsonb_build_object(p_task, v_clean), array[p_task])
  on conflict (round_id, applicant_id) do update
    set answers = o.answers || jsonb_build_object(p_task, v_clean),
        completed = (select array_agg(t order by n) from unnest(private.apply_tasks()) with ordinality as x (t, n)
                     where t = p_task or t = any (o.completed)),
        saved_at = now()
  returning * into v_online;
  return jsonb_build_object('task', p_task, 'saved_at', v_online.saved_at, 'completed', to_jsonb(v_online.completed));
end
$$;

select private.grant_api(array['apply_save_task'], array['authenticated']);

-- Sends the application: every task complete and checked again, before the deadline (under
-- the round's and the draft's row locks, so a send and the deadline cannot cross). The first
-- send makes the panel's copy with the next reference; a resend after an officer reopened a
-- task refreshes that copy. Either way the applicant is emailed.
create function api.apply_submit(p_round_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_me uuid := private.require_applicant();
  v_round private.rounds;
  v_online private.online_applications;
  v_missing text[];
  v_object jsonb;
  v_task text;
  v_application private.applications;
begin
  -- The round first (it numbers applications one at a time), then the draft.
  select * into v_round from private.rounds r where r.id = p_round_id and r.state <> 'draft' for update;
  if v_round.id is null then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  select * into v_online from private.online_applications o where o.round_id = p_round_id and o.applicant_id = v_me for update;
  if v_online.id is null then
    perform private.refuse('PT404', 'application_not_started', 'You have not started an application to this round.');
  elsif v_online.status = 'withdrawn' then
    perform private.refuse('PT409', 'application_withdrawn', 'You withdrew this application, so it cannot be sent.');
  elsif v_online.status = 'submitted' then
    perform private.refuse('PT409', 'application_already_sent', 'You have already sent this application.');
  elsif v_online.status = 'reopened' then
    perform private.require_state(v_round, 'open', 'closed', 'applications_fixed', 'Applications cannot change once scoring has started.');
  else
    perform private.require_taking_applications(v_round);
  end if;
  v_missing := array(select t from unnest(private.apply_tasks()) t where not t = any (v_online.completed));
  if cardinality(v_missing) > 0 then
    perform private.refuse('PT409', 'tasks_not_complete', 'Complete every part of the application before you send it.', null, null,
      jsonb_build_object('missing', to_jsonb(v_missing)));
  end if;
  -- Checked again in case the rules changed since a task was saved.
  foreach v_task in array private.apply_tasks() loop
    perform private.apply_check_task(v_task, v_online.answers -> v_task);
  end loop;
  v_object := private.online_application_object(v_online.answers, v_me);
  if v_online.application_id is null then
    v_application := private.insert_application(v_round, v_object, coalesce(v_online.reference, private.next_application_reference(v_round)));
  else
    perform private.refresh_application(v_online.application_id, v_object);
    select * into v_application from private.applications a where a.id = v_online.application_id;
  end if;
  update private.online_applications o
  set status = 'submitted', reference = v_application.reference, application_id = v_application.id,
      reopened_task = null, reopened_message = null, submitted_at = now(), saved_at = now()
  where o.id = v_online.id;
  perform private.notify(v_me, 'application_received',
    jsonb_build_object('reference', v_application.reference, 'title', v_application.project_title, 'round', v_round.title),
    '/grants/applications/', format('application_received:%s:%s', v_online.id, extract(epoch from clock_timestamp())));
  return jsonb_build_object('reference', v_application.reference, 'application_id', v_application.id, 'submitted_at', now());
end
$$;

select private.grant_api(array['apply_submit'], array['authenticated']);

-- Withdraws the caller's application, until the panel starts (scoring): the panel's copy is
-- deleted (nothing else refers to it yet) and the draft kept, marked withdrawn, with its reference.
create function api.apply_withdraw(p_round_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_me uuid := private.require_applicant();
  v_round private.rounds;
  v_online private.online_applications;
begin
  select * into v_round from private.rounds r where r.id = p_round_id and r.state <> 'draft' for update;
  select * into v_online from private.online_applications o where o.round_id = p_round_id and o.applicant_id = v_me for update;
  if v_round.id is null or v_online.id is null then
    perform private.refuse('PT404', 'application_not_started', 'You have not started an application to this round.');
  end if;
  if v_online.status = 'withdrawn' then
    perform private.refuse('PT409', 'application_withdrawn', 'You have already withdrawn this application.');
  end if;
  if v_online.application_id is not null then
    perform private.require_state(v_round, 'open', 'closed', 'withdraw_too_late', 'An application cannot be withdrawn once the panel has started. Contact the grants team.');
  end if;
  update private.online_applications o
  set status = 'withdrawn', withdrawn_at = now(), reopened_task = null, reopened_message = null
  where o.id = v_online.id;
  delete from private.applications a where a.id = v_online.application_id;
  return jsonb_build_object('id', v_online.id, 'status', 'withdrawn', 'reference', v_online.reference);
end
$$;

select private.grant_api(array['apply_withdraw'], array['authenticated']);

/** Section - Officers */

-- The round's online applications that have been sent (or reopened), with how complete each
-- is: the optional answers given, the summary, and any task reopened. No contact details
-- (api.officer_application has those, and records the read).
create function api.apply_officer_list(p_round_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_officer('list online applications');
  if not exists (select 1 from private.rounds r where r.id = p_round_id) then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'application_id', o.application_id, 'reference', o.reference, 'status', o.status,
      'organisation_name', o.answers -> 'organisation' ->> 'organisation_name',
      'project_title', o.answers -> 'project' ->> 'project_title',
      'amount_requested', (o.answers -> 'money' ->> 'amount_requested')::numeric,
      'other_funding', o.answers -> 'money' ->> 'other_funding',
      'submitted_at', o.submitted_at, 'reopened_task', o.reopened_task, 'reopened_message', o.reopened_message,
      'has_summary', a.summary is not null,
      'missing', to_jsonb(array_remove(array[
        case when o.answers -> 'organisation' ->> 'charity_number' is null and o.answers -> 'organisation' ->> 'company_number' is null
             then 'registration_number' end,
        case when o.answers -> 'contact' ->> 'contact_phone' is null then 'contact_phone' end,
        case when o.answers -> 'money' ->> 'other_funding' is null then 'other_funding' end,
        case when a.summary is null then 'summary' end], null)))
      order by o.reference)
    from private.online_applications o left join private.applications a on a.id = o.application_id
    where o.round_id = p_round_id and o.status in ('submitted', 'reopened')), '[]');
end
$$;

select private.grant_api(array['apply_officer_list'], array['authenticated', 'service_role']);

-- Asks the applicant for missing information: one task reopened for them to change and send
-- again, with an email saying what is needed. Only before scoring, as summaries are then fixed.
create function api.apply_ask_for_information(p_application_id uuid, p_task text, p_message text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_online private.online_applications;
  v_round private.rounds;
  v_message text;
begin
  perform private.require_officer('ask applicants for information');
  select * into v_online from private.online_applications o where o.application_id = p_application_id for update;
  if v_online.id is null then
    perform private.refuse('PT404', 'online_application_not_found', 'We could not find an online application with that id.');
  end if;
  select * into v_round from private.rounds r where r.id = v_online.round_id;
  perform private.require_state(v_round, 'open', 'closed', 'applications_fixed', 'Applications cannot change once scoring has started.');
  if p_task is null or not p_task = any (private.apply_tasks()) then
    perform private.refuse('P0001', 'task_not_found', 'Choose the part of the application to reopen.', 'task');
  end if;
  if v_online.status <> 'submitted' then
    perform private.refuse('PT409', 'application_not_sent', 'Only a sent application can be reopened.', null, null,
      jsonb_build_object('status', v_online.status));
  end if;
  v_message := private.clean_text(p_message, 'what information you need', 2000, p_field => 'message');
  update private.online_applications o
  set status = 'reopened', reopened_task = p_task, reopened_message = v_message, reopened_at = now()
  where o.id = v_online.id;
  perform private.notify(v_online.applicant_id, 'application_information_needed',
    jsonb_build_object('reference', v_online.reference, 'round', v_round.title, 'message', v_message),
    format('/grants/apply/task/?round=%s&task=%s', v_round.id, p_task),
    format('application_information_needed:%s:%s', v_online.id, extract(epoch from clock_timestamp())));
  return jsonb_build_object('application_id', p_application_id, 'status', 'reopened', 'task', p_task);
end
$$;

select private.grant_api(array['apply_ask_for_information'], array['authenticated', 'service_role']);

/** Section - Emails */

-- Like the templates in 20261204000400_notifications.sql, these rows come from this file, so
-- they are written before the audit trigger sees them (it audits later changes to the words).
alter table private.email_templates disable trigger audit_row_change;
insert into private.email_templates (key, sent_when, subject, body) values
('application_received', 'An applicant sends their online application (or sends it again after the grants team asked for more).',
 'We have received your application {reference}',
 E'Hello {name},\n\nThank you for applying to {round}. We have received your application {reference}: {title}.\n\nKeep the reference: use it if you contact us about your application.\n\nA grants officer will read it and write a short summary for the panel. You can see where your application has got to, or withdraw it before the panel starts: {link}\n\nWorking Together'),
('application_information_needed', 'A grants officer asks an applicant for missing information (one part of the application is reopened).',
 'We need more information about your application {reference}',
 E'Hello {name},\n\nWe are looking at your application {reference} to {round} and need more information:\n\n{message}\n\nSign in, change that part of your application and send it again: {link}\n\nWorking Together');
alter table private.email_templates enable trigger audit_row_change;

/** Section - Private helpers stay private */

-- As at the end of 20261124011100_grants_functions_audit.sql: the api functions run these as
-- their owner, nobody else may.
revoke execute on all functions in schema private from public;
