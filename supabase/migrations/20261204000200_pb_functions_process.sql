-- Participatory budgeting, part 3: what officers do. They set a process up, move it through its
-- phases (each move checked), moderate proposals and build the shortlist, issue voting codes,
-- run polling stations and enter paper ballots, and read turnout (counts only) and the PB part
-- of the audit trail. Every function starts with private.pb_require_process_officer (or, for
-- creating a process, the officer flag), so the process row is locked for the whole act and
-- every event it writes is marked as a PB officer's. Refusal keys are listed with their screen
-- words in src/lib/refusals/pb-officers.ts. This file: setting a process up and moving its
-- phase; moderation is in …000210_pb_functions_moderation.sql, codes, stations, paper ballots,
-- turnout and the audit trail in …000220_pb_functions_voting_admin.sql.

/** Section - Checking a process's settings */

-- The counting options a process may set: the engine's CountOptions other than the rule and
-- includeVoterDetails (a result's size is the count's business, not the process's). Anything
-- else is refused by name, so a typo cannot silently fall back to a default.
create function private.pb_check_rule_options(p_options jsonb)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_key text;
  v_value jsonb;
begin
  if p_options is null or jsonb_typeof(p_options) <> 'object' then
    perform private.refuse('P0001', 'bad_rule_options', 'The counting options must be a set of named options.', 'rule_options');
  end if;
  for v_key, v_value in select * from jsonb_each(p_options) loop
    if v_key = 'completion' then
      if jsonb_typeof(v_value) <> 'string' or v_value #>> '{}' not in ('none', 'add1', 'add1u') then
        perform private.refuse('P0001', 'bad_rule_option', 'The completion must be none, add1 or add1u.', 'rule_options:completion');
      end if;
    elsif v_key in ('compareWithGreedy', 'exhaustiveStop') then
      if jsonb_typeof(v_value) <> 'boolean' then
        perform private.refuse('P0001', 'bad_rule_option', format('%s must be true or false.', v_key), 'rule_options:' || v_key);
      end if;
    elsif v_key in ('seed', 'minVotes') then
      if jsonb_typeof(v_value) <> 'number' or (v_value #>> '{}')::numeric <> trunc((v_value #>> '{}')::numeric)
         or (v_key = 'minVotes' and (v_value #>> '{}')::numeric < 0)
         or abs((v_value #>> '{}')::numeric) > 2147483647 then
        perform private.refuse('P0001', 'bad_rule_option', format('%s must be a whole number%s.', v_key,
          case when v_key = 'minVotes' then ' of at least 0' else '' end), 'rule_options:' || v_key);
      end if;
    elsif v_key in ('minShareK', 'addOneStep') then
      if jsonb_typeof(v_value) <> 'number' or (v_value #>> '{}')::numeric <= 0 then
        perform private.refuse('P0001', 'bad_rule_option', format('%s must be a number above 0.', v_key), 'rule_options:' || v_key);
      end if;
    else
      perform private.refuse('P0001', 'unknown_rule_option', format('"%s" is not a counting option we know.', left(v_key, 60)),
        'rule_options:' || left(v_key, 60));
    end if;
  end loop;
  return p_options;
end
$$;

-- Eligibility methods: at least one, each known, no repeats.
create function private.pb_check_eligibility(p_methods text[])
returns text[]
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_methods is null or cardinality(p_methods) = 0 then
    perform private.refuse('P0001', 'required', 'Choose at least one way for people to show they may vote.', 'eligibility');
  end if;
  if not p_methods <@ array['voting_code', 'postcode'] or array_position(p_methods, null) is not null then
    perform private.refuse('P0001', 'bad_eligibility', 'People can show they may vote with a voting code or a postcode.', 'eligibility');
  end if;
  return array(select distinct m from unnest(p_methods) as m order by m desc);
end
$$;

-- Postcode prefixes as people write them ("ox4", "OX4 6"), stored upper-case without spaces
-- inside the outward code: OX4, OX44, OX46 (a sector). At most 500.
create function private.pb_check_postcode_prefixes(p_prefixes text[])
returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_clean text[];
  v_bad text;
begin
  if p_prefixes is null then
    return '{}';
  end if;
  if cardinality(p_prefixes) > 500 then
    perform private.refuse('P0001', 'too_many_prefixes', 'List at most 500 postcode areas.', 'postcode_prefixes');
  end if;
  v_clean := array(select distinct upper(regexp_replace(coalesce(x, ''), '\s+', '', 'g')) from unnest(p_prefixes) as x order by 1);
  select x into v_bad from unnest(v_clean) as x where x !~ '^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9]?$' limit 1;
  if v_bad is not null then
    perform private.refuse('P0001', 'bad_postcode_prefix',
      format('"%s" is not the start of a postcode. Write the first part, like OX4 or OX44.', left(v_bad, 12)), 'postcode_prefixes');
  end if;
  return v_clean;
end
$$;

-- A process's web name: lower-case letters, numbers and single hyphens.
create function private.pb_check_slug(p_slug text, p_process_id uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v text := lower(btrim(coalesce(p_slug, '')));
begin
  if v = '' then
    perform private.refuse('P0001', 'required', 'Give the process a short web name, like community-chest-2027.', 'slug');
  end if;
  if length(v) > 80 or v !~ '^[a-z0-9]+(-[a-z0-9]+)*$' then
    perform private.refuse('P0001', 'bad_slug', 'Use lower-case letters, numbers and single hyphens, up to 80 characters, like community-chest-2027.', 'slug');
  end if;
  if exists (select 1 from private.pb_processes p where p.slug = v and p.id is distinct from p_process_id) then
    perform private.refuse('PT409', 'slug_taken', format('Another process already uses the web name "%s".', v), 'slug');
  end if;
  return v;
end
$$;

-- Minimum and maximum projects on a ballot; max 0 or null means no maximum.
create function private.pb_check_limits(p_min int, p_max int)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_min is null or p_min < 0 or p_min > 100 then
    perform private.refuse('P0001', 'bad_limits', 'The fewest projects a voter must choose is a number from 0 to 100.', 'min_projects');
  end if;
  if p_max is not null and (p_max < 1 or p_max > 100 or p_max < p_min) then
    perform private.refuse('P0001', 'bad_limits', 'The most projects a voter may choose is a number from 1 to 100, and not below the fewest.', 'max_projects');
  end if;
end
$$;

create function private.pb_check_currency(p_currency text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_currency is null or p_currency !~ '^[A-Z]{3}$' then
    perform private.refuse('P0001', 'bad_currency', 'The currency is a three-letter code, like GBP.', 'currency');
  end if;
  return p_currency;
end
$$;

create function private.pb_check_rule(p_rule text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_rule is null or p_rule not in ('equal-shares', 'greedy') then
    perform private.refuse('P0001', 'bad_rule', 'The counting rule is equal-shares or greedy.', 'rule');
  end if;
  return p_rule;
end
$$;

-- What officers see of a process: everything, with its phases' dates, wards, categories and officers.
create function private.pb_officer_view(p_process_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select to_jsonb(p) - 'created_by' || jsonb_build_object(
    'phases', coalesce((select jsonb_agg(jsonb_build_object('phase', ph.phase, 'starts_at', ph.starts_at, 'ends_at', ph.ends_at)
                                         order by private.pb_phase_rank(ph.phase))
                        from private.pb_process_phases ph where ph.process_id = p.id), '[]'),
    'wards', coalesce((select jsonb_agg(jsonb_build_object('id', w.id, 'name', w.name) order by w.name)
                       from private.pb_wards w where w.process_id = p.id), '[]'),
    'categories', coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'name', c.name) order by c.name)
                            from private.pb_categories c where c.process_id = p.id), '[]'),
    'officers', coalesce((select jsonb_agg(jsonb_build_object('person_id', o.person_id, 'display_name', pe.display_name) order by pe.display_name)
                          from private.pb_process_officers o join private.people pe on pe.id = o.person_id
                          where o.process_id = p.id), '[]'))
  from private.pb_processes p where p.id = p_process_id
$$;

/** Section - Processes */

-- Only people with the officer flag start processes; the creator becomes its first officer, so
-- the process is never without someone who can run it.
create function api.pb_create_process(
  p_title text, p_slug text, p_area text, p_budget numeric, p_description text default '', p_currency text default 'GBP',
  p_rule text default 'equal-shares', p_rule_options jsonb default '{"completion": "add1u", "compareWithGreedy": true, "seed": 1}',
  p_min_projects int default 1, p_max_projects int default null, p_eligibility text[] default array['voting_code'],
  p_postcode_prefixes text[] default '{}'
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.caller();
  v private.pb_processes;
begin
  if v_person is null then
    perform private.refuse('PT401', 'sign_in_needed', 'Sign in to do this.');
  end if;
  if not coalesce((select pe.is_officer from private.people pe where pe.id = v_person), false) then
    perform private.refuse('PT403', 'not_officer', 'Only council officers can start a budgeting process.');
  end if;
  perform private.set_audit_context('pb_officer');
  perform private.pb_check_limits(p_min_projects, nullif(p_max_projects, 0));
  insert into private.pb_processes (slug, title, description, area, budget, currency, rule, rule_options, min_projects,
                                    max_projects, eligibility, postcode_prefixes, created_by)
  values (private.pb_check_slug(p_slug, null), private.pb_text(p_title, 'title', 120), coalesce(private.pb_text(p_description, 'description', 4000, false), ''),
          private.pb_text(p_area, 'area', 120), private.pb_money(p_budget, 'budget'), private.pb_check_currency(p_currency),
          private.pb_check_rule(p_rule), private.pb_check_rule_options(p_rule_options), p_min_projects, nullif(p_max_projects, 0),
          private.pb_check_eligibility(p_eligibility), private.pb_check_postcode_prefixes(p_postcode_prefixes), v_person)
  returning * into v;
  insert into private.pb_process_officers (process_id, person_id) values (v.id, v_person);
  return private.pb_officer_view(v.id);
end
$$;
select private.grant_api(array['pb_create_process'], array['authenticated', 'service_role']);

-- Edits what is given (null leaves a setting as it is; p_max_projects 0 removes the maximum).
-- What a ballot is judged against (budget, currency, rule and its options, limits, who may vote)
-- is fixed once voting starts, so every ballot is cast and counted under the same terms.
create function api.pb_update_process(
  p_process_id uuid, p_title text default null, p_slug text default null, p_description text default null,
  p_area text default null, p_budget numeric default null, p_currency text default null, p_rule text default null,
  p_rule_options jsonb default null, p_min_projects int default null, p_max_projects int default null,
  p_eligibility text[] default null, p_postcode_prefixes text[] default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'change its settings');
  v_min int := coalesce(p_min_projects, v.min_projects);
  v_max int := case when p_max_projects is null then v.max_projects else nullif(p_max_projects, 0) end;
begin
  if private.pb_phase_rank(v.phase) >= private.pb_phase_rank('voting')
     and (p_budget is not null or p_currency is not null or p_rule is not null or p_rule_options is not null
          or p_min_projects is not null or p_max_projects is not null or p_eligibility is not null or p_postcode_prefixes is not null) then
    perform private.refuse('PT409', 'locked_once_voting',
      'The budget, counting rule, ballot limits and who may vote cannot change once voting has started.', null, null,
      jsonb_build_object('phase', v.phase));
  end if;
  perform private.pb_check_limits(v_min, v_max);
  update private.pb_processes p set
    title = coalesce(private.pb_text(p_title, 'title', 120, false), p.title),
    slug = case when p_slug is null then p.slug else private.pb_check_slug(p_slug, p.id) end,
    description = case when p_description is null then p.description else coalesce(private.pb_text(p_description, 'description', 4000, false), '') end,
    area = coalesce(private.pb_text(p_area, 'area', 120, false), p.area),
    budget = coalesce(private.pb_money(p_budget, 'budget', false), p.budget),
    currency = case when p_currency is null then p.currency else private.pb_check_currency(p_currency) end,
    rule = case when p_rule is null then p.rule else private.pb_check_rule(p_rule) end,
    rule_options = case when p_rule_options is null then p.rule_options else private.pb_check_rule_options(p_rule_options) end,
    min_projects = v_min,
    max_projects = v_max,
    eligibility = case when p_eligibility is null then p.eligibility else private.pb_check_eligibility(p_eligibility) end,
    postcode_prefixes = case when p_postcode_prefixes is null then p.postcode_prefixes else private.pb_check_postcode_prefixes(p_postcode_prefixes) end,
    updated_at = now()
  where p.id = v.id;
  return private.pb_officer_view(v.id);
end
$$;
select private.grant_api(array['pb_update_process'], array['authenticated', 'service_role']);

-- The public timeline's dates for one phase. Dates inform; only pb_move_phase moves anything.
create function api.pb_set_phase_dates(p_process_id uuid, p_phase text, p_starts_at timestamptz default null, p_ends_at timestamptz default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'set its dates');
begin
  if p_phase is null or not p_phase = any (enum_range(null::private.pb_phase)::text[]) then
    perform private.refuse('P0001', 'unknown_phase', 'Choose one of the phases: draft, proposals, review, voting, counting or results.', 'phase');
  end if;
  if p_starts_at is not null and p_ends_at is not null and p_ends_at <= p_starts_at then
    perform private.refuse('P0001', 'ends_before_start', 'The end must be after the start.', 'ends_at');
  end if;
  insert into private.pb_process_phases (process_id, phase, starts_at, ends_at)
  values (v.id, p_phase::private.pb_phase, p_starts_at, p_ends_at)
  on conflict (process_id, phase) do update set starts_at = excluded.starts_at, ends_at = excluded.ends_at;
  return private.pb_officer_view(v.id);
end
$$;
select private.grant_api(array['pb_set_phase_dates'], array['authenticated', 'service_role']);

-- One process as its officers see it, drafts included.
create function api.pb_officer_process(p_process_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'see its settings');
begin
  return private.pb_officer_view(v.id);
end
$$;
select private.grant_api(array['pb_officer_process'], array['authenticated', 'service_role']);

-- The processes I run, with the counts an officer checks at a glance. Anyone signed in may ask;
-- someone who runs none gets an empty list.
create function api.pb_my_processes()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_person uuid := private.pb_require_signed_in();
begin
  return coalesce((select jsonb_agg(jsonb_build_object(
      'id', p.id, 'slug', p.slug, 'title', p.title, 'phase', p.phase, 'budget', p.budget, 'currency', p.currency,
      'proposals', (select count(*) from private.pb_proposals x where x.process_id = p.id),
      'to_review', (select count(*) from private.pb_proposals x where x.process_id = p.id and x.status = 'submitted'),
      'shortlisted', (select count(*) from private.pb_proposals x where x.process_id = p.id and x.status = 'shortlisted'),
      'codes_issued', (select count(*) from private.pb_voting_codes c where c.process_id = p.id),
      'ballots', (select count(*) from private.pb_ballots b where b.process_id = p.id)) order by p.created_at desc, p.title)
    from private.pb_processes p
    where exists (select 1 from private.pb_process_officers o where o.process_id = p.id and o.person_id = v_person)), '[]');
end
$$;
select private.grant_api(array['pb_my_processes'], array['authenticated', 'service_role']);

/** Section - Wards and categories */

-- Wards and categories are the choices residents pick from when proposing; a name is unique
-- within its process. Removing one that a proposal uses is refused, so no proposal loses it.
create function private.pb_name_taken(p_table text, p_process_id uuid, p_name text, p_except uuid)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_taken boolean;
begin
  execute format('select exists (select 1 from private.%I t where t.process_id = $1 and lower(t.name) = lower($2) and t.id is distinct from $3)', p_table)
    into v_taken using p_process_id, p_name, p_except;
  if v_taken then
    perform private.refuse('PT409', 'name_taken', format('"%s" is already in this process.', p_name), 'name');
  end if;
end
$$;

-- Adds a named choice of a process (a ward, a category or a polling station) once the caller's
-- right to has been checked: the one home of "a name, checked, unique within its process".
create function private.pb_add_named(p_table text, p_process_id uuid, p_name text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_name text := private.pb_text(p_name, 'name', 120);
  v_id uuid;
begin
  perform private.pb_name_taken(p_table, p_process_id, v_name, null);
  execute format('insert into private.%I (process_id, name) values ($1, $2) returning id', p_table) into v_id using p_process_id, v_name;
  return jsonb_build_object('id', v_id, 'name', v_name);
end
$$;

create function api.pb_add_ward(p_process_id uuid, p_name text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'add wards');
begin
  return private.pb_add_named('pb_wards', v.id, p_name);
end
$$;
select private.grant_api(array['pb_add_ward'], array['authenticated', 'service_role']);

create function api.pb_add_category(p_process_id uuid, p_name text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'add categories');
begin
  return private.pb_add_named('pb_categories', v.id, p_name);
end
$$;
select private.grant_api(array['pb_add_category'], array['authenticated', 'service_role']);

-- Renames a ward or category (p_kind 'ward' or 'category') of a process the caller runs.
create function api.pb_rename_choice(p_kind text, p_id uuid, p_name text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_table text := case p_kind when 'ward' then 'pb_wards' when 'category' then 'pb_categories' end;
  v_process uuid;
  v_name text;
begin
  if v_table is null then
    perform private.refuse('P0001', 'bad_kind', 'Say whether this is a ward or a category.', 'kind');
  end if;
  execute format('select process_id from private.%I where id = $1', v_table) into v_process using p_id;
  if v_process is null then
    perform private.refuse('PT404', 'choice_not_found', 'We could not find that ward or category.', 'id');
  end if;
  perform private.pb_require_process_officer(v_process, 'rename wards and categories');
  v_name := private.pb_text(p_name, 'name', 120);
  perform private.pb_name_taken(v_table, v_process, v_name, p_id);
  execute format('update private.%I set name = $1 where id = $2', v_table) using v_name, p_id;
  return jsonb_build_object('id', p_id, 'name', v_name);
end
$$;
select private.grant_api(array['pb_rename_choice'], array['authenticated', 'service_role']);

create function api.pb_remove_choice(p_kind text, p_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_table text := case p_kind when 'ward' then 'pb_wards' when 'category' then 'pb_categories' end;
  v_column text := case p_kind when 'ward' then 'ward_id' else 'category_id' end;
  v_process uuid;
  v_used int;
begin
  if v_table is null then
    perform private.refuse('P0001', 'bad_kind', 'Say whether this is a ward or a category.', 'kind');
  end if;
  execute format('select process_id from private.%I where id = $1', v_table) into v_process using p_id;
  if v_process is null then
    perform private.refuse('PT404', 'choice_not_found', 'We could not find that ward or category.', 'id');
  end if;
  perform private.pb_require_process_officer(v_process, 'remove wards and categories');
  execute format('select count(*) from private.pb_proposals where %I = $1', v_column) into v_used using p_id;
  if v_used > 0 then
    perform private.refuse('PT409', 'choice_in_use', format('%s proposal%s use%s this, so it cannot be removed. Rename it instead.',
      v_used, case when v_used = 1 then '' else 's' end, case when v_used = 1 then 's' else '' end), 'id', null,
      jsonb_build_object('proposals', v_used));
  end if;
  execute format('delete from private.%I where id = $1', v_table) using p_id;
  return jsonb_build_object('removed', p_id);
end
$$;
select private.grant_api(array['pb_remove_choice'], array['authenticated', 'service_role']);

/** Section - Officers of a process */

-- An officer of a process adds another council officer (someone with the officer flag: a
-- resident cannot be made one here) or removes one; the last officer cannot be removed.
create function api.pb_add_officer(p_process_id uuid, p_person_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'add officers');
begin
  if not exists (select 1 from private.people pe where pe.id = p_person_id) then
    perform private.refuse('PT404', 'person_not_found', 'We could not find that person.', 'person_id');
  end if;
  if not (select pe.is_officer from private.people pe where pe.id = p_person_id) then
    perform private.refuse('PT409', 'not_an_officer', 'Only council officers can run a budgeting process.', 'person_id');
  end if;
  insert into private.pb_process_officers (process_id, person_id) values (v.id, p_person_id) on conflict do nothing;
  return private.pb_officer_view(v.id) -> 'officers';
end
$$;
select private.grant_api(array['pb_add_officer'], array['authenticated', 'service_role']);

create function api.pb_remove_officer(p_process_id uuid, p_person_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'remove officers');
begin
  if not exists (select 1 from private.pb_process_officers o where o.process_id = v.id and o.person_id = p_person_id) then
    perform private.refuse('PT404', 'person_not_found', 'That person does not run this process.', 'person_id');
  end if;
  if (select count(*) from private.pb_process_officers o where o.process_id = v.id) = 1 then
    perform private.refuse('PT409', 'last_officer', 'A process needs at least one officer. Add another before removing this one.', 'person_id');
  end if;
  delete from private.pb_process_officers o where o.process_id = v.id and o.person_id = p_person_id;
  return private.pb_officer_view(v.id) -> 'officers';
end
$$;
select private.grant_api(array['pb_remove_officer'], array['authenticated', 'service_role']);

/** Section - Moving the phase */

-- The latest stored result of a process, if it was counted after the last ballot was cast or
-- changed and counted every ballot: the one publishing may use.
create function private.pb_current_result(p_process_id uuid)
returns private.pb_results
language sql
stable
security definer
set search_path = ''
as $$
  select r.* from private.pb_results r
  where r.process_id = p_process_id
    and r.ballots = (select count(*) from private.pb_ballots b where b.process_id = p_process_id)
    and r.counted_at >= coalesce((select max(greatest(b.cast_at, coalesce(b.changed_at, b.cast_at)))
                                  from private.pb_ballots b where b.process_id = p_process_id), '-infinity')
  order by r.counted_at desc, r.id
  limit 1
$$;

-- One step forward at a time, each with what must be true first:
--   proposals: at least one ward or category, so every proposal can say where or what it is
--              for and the public list can be filtered (a single-area process adds one ward);
--   review:    nothing more (proposing simply closes);
--   voting:    a shortlist (at least one project, every one with a checked cost no more than
--              the budget) and a way in for voters: codes issued when codes are the only way,
--              postcode areas listed whenever postcodes are a way;
--   counting:  nothing more (voting simply closes);
--   results:   a stored result that counted the current ballots; moving publishes it.
-- Backward and skipping moves are refused: a process's history only goes one way.
create function api.pb_move_phase(p_process_id uuid, p_to text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'move it to another phase');
  v_phases private.pb_phase[] := enum_range(null::private.pb_phase);
  v_next private.pb_phase := v_phases[private.pb_phase_rank(v.phase) + 1];
  v_result private.pb_results;
  v_n int;
begin
  if p_to is null or not p_to = any (v_phases::text[]) then
    perform private.refuse('P0001', 'unknown_phase', 'Choose one of the phases: draft, proposals, review, voting, counting or results.', 'to');
  end if;
  if v_next is null or p_to::private.pb_phase <> v_next then
    perform private.refuse('PT409', 'phase_out_of_order',
      case when v_next is null then 'This process has finished: it has no phase after results.'
           else format('From %s the process can only move to %s.', v.phase, v_next) end,
      'to', null, jsonb_build_object('phase', v.phase, 'next', v_next, 'asked', p_to));
  end if;
  if v_next = 'proposals'
     and not exists (select 1 from private.pb_wards w where w.process_id = v.id)
     and not exists (select 1 from private.pb_categories c where c.process_id = v.id) then
    perform private.refuse('PT409', 'no_wards_or_categories', 'Add at least one ward or category before asking for proposals.');
  elsif v_next = 'voting' then
    if not exists (select 1 from private.pb_proposals p where p.process_id = v.id and p.status = 'shortlisted') then
      perform private.refuse('PT409', 'no_shortlist', 'Shortlist at least one project before voting opens.');
    end if;
    select count(*) into v_n from private.pb_proposals p
    where p.process_id = v.id and p.status = 'shortlisted' and (p.checked_cost is null or p.checked_cost > v.budget);
    if v_n > 0 then
      perform private.refuse('PT409', 'shortlist_cost_unchecked',
        'Every shortlisted project needs a checked cost no more than the budget.', null, null, jsonb_build_object('projects', v_n));
    end if;
    if 'postcode' = any (v.eligibility) and cardinality(v.postcode_prefixes) = 0 then
      perform private.refuse('PT409', 'no_postcode_prefixes', 'List the postcode areas whose residents may vote.', 'postcode_prefixes');
    end if;
    if v.eligibility = array['voting_code'] and not exists (select 1 from private.pb_voting_codes c where c.process_id = v.id) then
      perform private.refuse('PT409', 'no_codes', 'Issue voting codes before voting opens: they are the only way to vote in this process.');
    end if;
  elsif v_next = 'results' then
    v_result := private.pb_current_result(v.id);
    if v_result.id is null then
      perform private.refuse('PT409', case when exists (select 1 from private.pb_results r where r.process_id = v.id)
                                           then 'result_out_of_date' else 'no_result' end,
        'Count the votes before publishing: there is no result for the ballots as they are now.');
    end if;
  end if;
  perform private.set_audit_context('pb_officer', jsonb_build_object('move', v.phase::text || ' to ' || v_next::text));
  update private.pb_processes p set phase = v_next, phase_changed_at = now(), updated_at = now() where p.id = v.id;
  if v_next = 'results' then
    update private.pb_results r set published_at = now(), published_by = private.caller() where r.id = v_result.id;
  end if;
  return private.pb_officer_view(v.id);
end
$$;
select private.grant_api(array['pb_move_phase'], array['authenticated', 'service_role']);

-- Per-schema default privileges cannot take away PUBLIC's execute right, so each topic file
-- ends by taking it away from what it made.
revoke execute on all functions in schema private from public;
