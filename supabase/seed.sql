-- Demo data for the embedded stand-in and for `supabase db reset` on a local Supabase stack.
-- Never load it into a production project: the demo password is public (see README).
-- Passwords use bcrypt through pgcrypto, as Supabase Auth stores them, so this file works on both.

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
       extensions.crypt('working-together-demo', extensions.gen_salt('bf', 6)), now(),
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       jsonb_build_object('display_name', u.display_name), now(), now()
from (values
  ('00000000-0000-4000-8000-000000000001'::uuid, 'resident@example.org', 'Demo resident')
) as u (id, email, display_name);

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email), 'email', now(), now()
from auth.users u
where u.id::text like '00000000-0000-4000-8000-%';
