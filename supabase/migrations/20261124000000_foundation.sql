-- Foundation: the exposed schema `api` holds only functions; tables live in `private`, with no
-- grants to anon or authenticated. Functions are not executable by PUBLIC by default here, so
-- each one must be granted on purpose.

create schema if not exists private;
revoke all on schema private from public;

create schema if not exists api;
grant usage on schema api to anon, authenticated, service_role;

alter default privileges in schema api revoke execute on functions from public;
alter default privileges in schema private revoke execute on functions from public;

-- The sample function: who does the API think I am? Proves the path end to end.
create or replace function api.whoami()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'role', coalesce(auth.role(), 'anon'),
    'user_id', auth.uid(),
    'email', auth.email()
  )
$$;

revoke execute on function api.whoami() from public;
grant execute on function api.whoami() to anon, authenticated, service_role;

comment on function api.whoami() is 'Who the API thinks the caller is: role, user id and email from the JWT.';

/** Section - Refusals and the caller: used by every topic's functions */

-- Every refusal names a stable key (and, where it concerns one, the field) in `detail`, so
-- screens choose their words from the key, never from the English message; `p_facts` adds
-- whatever else a screen needs (who is still to score, the money left).
create function private.refuse(
  p_code text, p_key text, p_message text, p_field text default null, p_hint text default null, p_facts jsonb default null
)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_detail text := (jsonb_strip_nulls(jsonb_build_object('key', p_key, 'field', p_field)) || coalesce(p_facts, '{}'::jsonb))::text;
begin
  -- RAISE refuses a null option, hence the branch.
  if p_hint is not null then
    raise exception using errcode = p_code, message = p_message, detail = v_detail, hint = p_hint;
  end if;
  raise exception using errcode = p_code, message = p_message, detail = v_detail;
end
$$;

-- Who is calling, for every function that acts for a signed-in person: auth.uid(), but only
-- while the token's session is live. PostgREST (and so Supabase) checks only a token's
-- signature and expiry, so a token kept after signing out would otherwise work until it
-- expires. Anonymous and service-role callers have no sub: null. The answer is remembered
-- for the rest of the transaction so a query that asks per row looks the session up once.
create function private.caller()
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_session text := auth.jwt() ->> 'session_id';
begin
  if v_uid is null then
    return null;
  end if;
  if current_setting('app.live_session', true) = v_uid::text || '/' || coalesce(v_session, '') then
    return v_uid;
  end if;
  if v_session is null or v_session !~ '^[0-9a-fA-F-]{36}$' or not exists (
    select 1 from auth.sessions s
    where s.id = v_session::uuid and s.user_id = v_uid and (s.not_after is null or s.not_after > now())
  ) then
    perform private.refuse('PT401', 'session_ended', 'You have been signed out. Sign in again to carry on.');
  end if;
  perform set_config('app.live_session', v_uid::text || '/' || v_session, true);
  return v_uid;
end
$$;
