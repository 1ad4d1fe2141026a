-- Makes an empty database on a real PostgreSQL server look like a new Supabase project before
-- the Supabase CLI pushes our migrations into it (.ci/run). Run it as the cluster's superuser,
-- here named supabase_admin as on Supabase, right after supabase/local/bootstrap.sql, which
-- made the API roles, `extensions` with pgcrypto, and the `auth` schema. What this adds is
-- what makes the difference the stand-in cannot show on PGlite: `postgres` is an ordinary role
-- (no superuser), as on Supabase, so a migration or seed that needs more fails here too.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'postgres') then
    create role postgres login createrole createdb bypassrls;
  end if;
end
$$;
alter role postgres nosuperuser login createrole createdb bypassrls;
alter role authenticator login noinherit;
grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres with admin option;

-- The project's database and its public schema belong to postgres, as on Supabase.
do $$ begin execute format('alter database %I owner to postgres', current_database()); end $$;
alter schema public owner to postgres;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;

-- Supabase Auth owns `auth`; postgres may use its tables (our migrations add a trigger on
-- auth.users and reference it) but not change the schema itself.
grant usage on schema auth to postgres;
grant all on all tables in schema auth to postgres;
grant all on all sequences in schema auth to postgres;
grant all on all functions in schema auth to postgres;
grant usage on schema extensions to postgres;

-- The CLI keeps its own history, as postgres; the stand-in's copies and its own bookkeeping are
-- not part of a Supabase project.
drop schema if exists supabase_migrations cascade;
drop schema if exists stand_in cascade;
