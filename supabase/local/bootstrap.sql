-- What a Supabase project already has before our migrations run, recreated for the embedded
-- stand-in. Every statement is idempotent: it runs at each start, and on a real PostgreSQL
-- server (DATABASE_URL) roles are shared by the whole cluster. Names and behaviour follow
-- Supabase's own: the same roles, auth.users columns and auth.uid()/auth.jwt()/auth.role().

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

-- Supabase's statement timeouts: anon 3 s, authenticated 8 s, and 8 s on authenticator (the
-- role PostgREST logs in as), which service_role inherits. The stand-in applies them per request.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator noinherit;
  end if;
end
$$;
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';

-- Lets a non-superuser DATABASE_URL user switch role per request, as Supabase's authenticator does.
grant anon, authenticated, service_role to current_user;

create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

-- As Supabase Auth's own migrations leave it: no defaults where the real table has none (Auth
-- itself supplies the id, aud, role, empty token strings and timestamps on every insert) and a
-- case-sensitive unique email (Auth stores addresses in lower case).
create table if not exists auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text,
  phone_confirmed_at timestamptz,
  banned_until timestamptz,
  deleted_at timestamptz,
  is_sso_user boolean not null default false,
  is_anonymous boolean not null default false
);
-- A database made by an older stand-in had defaults and a case-insensitive index: drop them.
alter table auth.users
  alter column id drop default, alter column aud drop default, alter column role drop default,
  alter column confirmation_token drop default, alter column recovery_token drop default,
  alter column email_change_token_new drop default, alter column email_change drop default,
  alter column raw_app_meta_data drop default, alter column raw_user_meta_data drop default,
  alter column created_at drop default, alter column updated_at drop default;
drop index if exists auth.users_email_key;
create unique index if not exists users_email_partial_key on auth.users (email) where is_sso_user = false;
create index if not exists users_instance_id_email_idx on auth.users (instance_id, lower(email));

create table if not exists auth.identities (
  id uuid primary key default gen_random_uuid(),
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  unique (provider_id, provider)
);

create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  not_after timestamptz
);

-- Supabase keeps the token itself; the stand-in keeps only its sha256, so a copy of the
-- database does not hand out live sessions.
create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  token_hash text not null unique,
  user_id uuid not null references auth.users (id) on delete cascade,
  session_id uuid not null references auth.sessions (id) on delete cascade,
  revoked boolean not null default false,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role;

-- On Supabase, migrations run as `postgres`, which is not a superuser. The stand-in runs them
-- (and the seed) as project_owner, made like it: it may create schemas and roles, bypasses RLS,
-- owns what the migrations create and may use auth's tables, but a migration that needs a
-- superuser fails here as it would there. (A role cannot be called postgres here: on PGlite and
-- on most servers that name is the superuser the stand-in itself connects as.)
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'project_owner') then
    create role project_owner nologin createrole bypassrls;
  end if;
end
$$;
grant anon, authenticated, service_role to project_owner;
do $$ begin execute format('grant create on database %I to project_owner', current_database()); end $$;
grant usage, create on schema public to project_owner;
grant usage on schema extensions to project_owner;
grant usage on schema auth to project_owner;
grant all on all tables in schema auth to project_owner;
grant all on all sequences in schema auth to project_owner;
grant execute on all functions in schema auth to project_owner;
grant project_owner to current_user;

-- Supabase grants these on schema public; our own tables live elsewhere, but a migration that
-- uses public must meet the same defaults here as on a real project.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges for role project_owner in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role project_owner in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role project_owner in schema public grant all on sequences to anon, authenticated, service_role;

-- The Supabase CLI records applied migrations in this table; the stand-in does the same.
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);

-- The CLI records the seed files it ran here. The stand-in also writes a row with an empty hash
-- before migrating a new database, so a start that stops between migrating and seeding still
-- seeds it next time (and an older database, migrated and seeded, is never seeded twice).
create table if not exists supabase_migrations.seed_files (
  path text primary key,
  hash text not null
);

-- The stand-in's own bookkeeping, which Supabase Auth keeps inside itself: failed sign-ins per
-- email and per client address, kept here so a restart does not unlock a throttled account.
-- No API role has any grant on this schema.
create schema if not exists stand_in;
revoke all on schema stand_in from public;
create table if not exists stand_in.sign_in_failures (
  scope text not null,
  key text not null,
  count int not null,
  last_at timestamptz not null,
  primary key (scope, key)
);

-- The sha256 of each migration file as the stand-in applied it. Until v1.0 migrations are edited
-- in place, so a kept database (.data/) can fall behind them: with these the stand-in says so
-- plainly at start (supabase/local/migration-drift.ts) instead of failing half way or running on
-- an old schema.
create table if not exists stand_in.migration_hashes (
  version text primary key,
  hash text not null
);
