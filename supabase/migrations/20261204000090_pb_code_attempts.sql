-- Limits on guessing voting codes online. A wrong code is kept as an attempt and answered with a
-- refusal that commits (PostgREST's response.status), because a raised refusal rolls back and
-- would lose the record of the attempt. Officers entering paper ballots are not limited (they
-- type many codes): their wrong codes are kept in an audited table instead
-- (pb_paper_code_misses, see pb_enter_paper_ballot).

/** Section - The limits */

-- The one place the limits live: per signed-in person, and per process from everyone together
-- (a short window, to stop many accounts sharing the guessing). The tests read them from here.
create function private.pb_code_limits()
returns table (per_person int, person_window interval, per_process int, process_window interval)
language sql
immutable
set search_path = ''
as $$
  select 10, interval '1 hour', 300, interval '10 minutes'
$$;

/** Section - Wrong codes entered */

-- Private: no grants, RLS on with no policies, read only by the functions below.
create table private.pb_code_attempts (
  id bigint generated always as identity primary key,
  process_id uuid not null references private.pb_processes (id) on delete cascade,
  person_id uuid not null references private.people (id) on delete cascade,
  at timestamptz not null default now()
);
create index pb_code_attempts_person on private.pb_code_attempts (person_id, at);
create index pb_code_attempts_process on private.pb_code_attempts (process_id, at);
alter table private.pb_code_attempts enable row level security;
revoke all on private.pb_code_attempts from public, anon, authenticated, service_role;

/** Section - Refusing without rolling back */

-- A refusal as a function's answer rather than an exception, so what the call wrote is kept.
-- The body is exactly what PostgREST makes of private.refuse (code, message, details as the same
-- JSON text, hint) and response.status gives it the status PostgREST would have chosen.
create function private.refusal_answer(
  p_status int, p_code text, p_key text, p_message text, p_field text default null, p_hint text default null,
  p_facts jsonb default null
)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
begin
  perform set_config('response.status', p_status::text, true);
  return jsonb_build_object(
    'code', p_code, 'message', p_message, 'hint', p_hint,
    'details', (jsonb_strip_nulls(jsonb_build_object('key', p_key, 'field', p_field)) || coalesce(p_facts, '{}'::jsonb))::text);
end
$$;

/** Section - Checking and counting attempts */

-- How long until fewer than p_limit attempts are left in the window (0: none to wait). Reads
-- only the newest p_limit rows, so a flood of attempts does not make each check slower.
create function private.pb_code_wait(p_person uuid, p_process_id uuid, p_limit int, p_window interval)
returns int
language sql
stable
security definer
set search_path = ''
as $$
  select case when count(*) < p_limit then 0
              else greatest(1, ceil(extract(epoch from min(recent.at) + p_window - now())))::int end
  from (select a.at from private.pb_code_attempts a
        where (a.person_id = p_person or p_person is null)
          and (a.process_id = p_process_id or p_process_id is null)
          and a.at > now() - p_window
        order by a.at desc limit p_limit) recent
$$;

-- Refuses (429) someone who has entered too many wrong codes in the last hour, or anyone while a
-- process has had too many from everyone lately. The lock is the person's own, so it orders one
-- person's attempts (two tabs cannot both slip under the limit) without making different people
-- wait for each other.
create function private.pb_code_guard(p_process_id uuid, p_person uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  l record;
  v_wait int;
  v_scope text := 'person';
begin
  select * into l from private.pb_code_limits();
  perform pg_advisory_xact_lock(hashtextextended('pb_code_attempts:' || p_person::text, 0));
  v_wait := private.pb_code_wait(p_person, null, l.per_person, l.person_window);
  if v_wait = 0 then
    v_scope := 'process';
    v_wait := private.pb_code_wait(null, p_process_id, l.per_process, l.process_window);
  end if;
  if v_wait > 0 then
    perform private.refuse('PT429', 'too_many_code_attempts',
      case v_scope when 'person' then 'You have entered too many voting codes we did not recognise. Try again later.'
                   else 'Too many voting codes we did not recognise have been entered in this process lately. Try again later.' end,
      'code', null, jsonb_build_object('retry_after', v_wait, 'scope', v_scope));
  end if;
end
$$;

-- Keeps a wrong code as an attempt (and forgets this person's attempts older than the window),
-- then answers the refusal, committed.
create function private.pb_code_wrong(p_process_id uuid, p_person uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  l record;
begin
  select * into l from private.pb_code_limits();
  delete from private.pb_code_attempts a where a.person_id = p_person and a.at <= now() - greatest(l.person_window, l.process_window);
  insert into private.pb_code_attempts (process_id, person_id) values (p_process_id, p_person);
  return private.refusal_answer(400, 'P0001', 'code_not_recognised', 'We do not recognise that voting code. Check it against your letter.',
    'code', null, jsonb_build_object('attempts_left', greatest(0, l.per_person -
      (select count(*) from private.pb_code_attempts a where a.person_id = p_person and a.at > now() - l.person_window))));
end
$$;

-- Per-schema default privileges cannot take away PUBLIC's execute right, so each topic file
-- takes it back from its own private functions.
revoke execute on all functions in schema private from public;
