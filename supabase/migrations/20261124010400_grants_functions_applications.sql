-- Applications: officers add them, write the plain-English summary the panel reads, and are the
-- only people who ever see the applicant's contact details.

/** Section - Checking an application */

-- A field of the application object, trimmed, or null when empty.
create function private.json_text(p jsonb, p_key text)
returns text
language sql
immutable
set search_path = ''
as $$
  select nullif(btrim(p ->> p_key), '')
$$;

-- Every check of an application object, before anything is written, each with its own words.
create function private.check_application(p jsonb)
returns void
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_amount text := p ->> 'amount_requested';
begin
  if p is null or jsonb_typeof(p) <> 'object' then
    perform private.refuse('P0001', 'application_not_an_object', 'Send the application as an object of named fields.');
  end if;
  if coalesce(p ->> 'organisation_type', '') not in ('registered charity', 'charitable incorporated organisation',
      'community interest company', 'company limited by guarantee', 'community group', 'social enterprise', 'other') then
    perform private.refuse('P0001', 'organisation_type_not_valid', 'Choose the type of organisation.',
      'organisation_type', 'One of: registered charity, charitable incorporated organisation, community interest company, company limited by guarantee, community group, social enterprise, other.');
  end if;
  if private.json_text(p, 'charity_number') !~ '^[0-9]{6,8}(-[0-9]+)?$' then
    perform private.refuse('P0001', 'charity_number_not_valid', 'A charity number is 6 to 8 digits, like 1234567.', 'charity_number');
  end if;
  if private.json_text(p, 'company_number') !~ '^[A-Z0-9]{8}$' then
    perform private.refuse('P0001', 'company_number_not_valid', 'A company number is 8 characters, like 01234567 or SC123456.', 'company_number');
  end if;
  if (case when jsonb_typeof(p -> 'amount_requested') = 'number' then v_amount::numeric <= 0 or v_amount::numeric > 10000000 else true end) then
    perform private.refuse('P0001', 'amount_requested_not_valid', 'Enter the amount requested in pounds, as a number more than zero.', 'amount_requested');
  end if;
  if p ? 'budget_lines' and (jsonb_typeof(p -> 'budget_lines') <> 'array' or exists (
      select 1 from jsonb_array_elements(p -> 'budget_lines') b
      where jsonb_typeof(b -> 'item') is distinct from 'string'
         or case when jsonb_typeof(b -> 'amount') = 'number' then (b ->> 'amount')::numeric < 0 else true end)) then
    perform private.refuse('P0001', 'budget_lines_not_valid', 'Each budget line needs an item and an amount in pounds, like {"item": "Venue hire", "amount": 1200}.',
      'budget_lines');
  end if;
  if jsonb_typeof(p -> 'contact') is distinct from 'object' or private.json_text(p -> 'contact', 'name') is null then
    perform private.refuse('P0001', 'required', 'Enter the name of the contact person.', 'contact_name');
  end if;
  if coalesce(private.json_text(p -> 'contact', 'email'), private.json_text(p -> 'contact', 'phone'),
              private.json_text(p -> 'contact', 'address')) is null then
    perform private.refuse('P0001', 'contact_way_needed', 'Enter at least one way to reach the contact person: email, phone or address.', 'contact_email');
  end if;
  if private.json_text(p -> 'contact', 'email') !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    perform private.refuse('P0001', 'contact_email_not_valid', 'Enter the contact''s email address in the right format, like name@example.org.', 'contact_email');
  end if;
end
$$;

/** Section - Adding and summarising */

-- Officers add applications (online ones come in with the applicant's id) until scoring starts.
create function api.add_application(p_round_id uuid, p_application jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_round private.rounds;
  v private.applications;
  p jsonb := p_application;
begin
  perform private.require_officer('add applications');
  -- Locking the round numbers its applications one at a time.
  select * into v_round from private.rounds r where r.id = p_round_id for update;
  if v_round.id is null then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  perform private.require_state(v_round, 'draft', 'closed', 'applications_fixed', 'Applications cannot be added once scoring has started.');
  perform private.check_application(p);
  -- The same insert as an online application's (20261205000000_grants_online_applications.sql).
  v := private.insert_application(v_round, p, private.next_application_reference(v_round));
  return jsonb_build_object('id', v.id, 'reference', v.reference, 'round_id', v.round_id);
end
$$;

select private.grant_api(array['add_application'], array['authenticated', 'service_role']);

-- The summary is what most members read first, so it is fixed once scoring starts: everyone
-- scores the same pack.
create function api.write_application_summary(p_application_id uuid, p_summary text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.applications;
begin
  perform private.require_officer('write application summaries');
  select * into v from private.applications a where a.id = p_application_id;
  if v.id is null then
    perform private.refuse('PT404', 'application_not_found', 'We could not find that application.');
  end if;
  perform private.require_state((select r from private.rounds r where r.id = v.round_id), 'draft', 'closed',
    'summaries_fixed', 'Summaries are fixed once scoring has started, so every member scores the same pack.');
  update private.applications a
  set summary = private.clean_text(p_summary, 'a plain-English summary', 6000, p_field => 'summary'), summary_by = private.caller(), summary_at = now(), updated_at = now()
  where a.id = p_application_id
  returning * into v;
  return jsonb_build_object('application_id', v.id, 'summary', v.summary, 'summary_at', v.summary_at);
end
$$;

select private.grant_api(array['write_application_summary'], array['authenticated', 'service_role']);

/** Section - Officers' views */

-- Everything about an application, contact details included. Officers only; each view is recorded.
create function api.officer_application(p_application_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.applications;
begin
  perform private.require_officer('see applicants'' contact details');
  select * into v from private.applications a where a.id = p_application_id;
  if v.id is null then
    perform private.refuse('PT404', 'application_not_found', 'We could not find that application.');
  end if;
  perform private.record_read('read', 'application with contact details', v.round_id, v.id);
  return to_jsonb(v) || jsonb_build_object(
    'summary_by_name', private.person_name(v.summary_by),
    'contact', (select to_jsonb(c) - 'application_id' from private.application_contacts c where c.application_id = v.id));
end
$$;

select private.grant_api(array['officer_application'], array['authenticated', 'service_role']);

-- The officer's list of a round's applications and where each has got to. No contact details.
create function api.round_applications(p_round_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_officer('list every application in a round');
  if not exists (select 1 from private.rounds r where r.id = p_round_id) then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'id', a.id, 'reference', a.reference, 'organisation_name', a.organisation_name,
      'organisation_type', a.organisation_type, 'project_title', a.project_title,
      'amount_requested', a.amount_requested, 'area', a.area, 'has_summary', a.summary is not null,
      'recommendation', (select jsonb_build_object('outcome', r.outcome, 'amount', r.amount)
                         from private.recommendations r where r.application_id = a.id),
      'decision', (select jsonb_build_object('decision', d.decision, 'amount', d.amount, 'decided_on', d.decided_on)
                   from private.cabinet_decisions d where d.application_id = a.id))
      order by a.reference)
    from private.applications a where a.round_id = p_round_id), '[]');
end
$$;

select private.grant_api(array['round_applications'], array['authenticated', 'service_role']);
