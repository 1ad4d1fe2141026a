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
