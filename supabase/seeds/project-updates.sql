-- Project updates demo data (issue 17). Loaded after seed.sql and seeds/pb.sql (config.toml
-- [db.seed] sql_paths). One project lead who signs in, lead@example.org (Rosa Fenwick, invented),
-- leads the Adults Strategy and the Foster Carers' Review; officer@example.org approves updates.
-- Rows are written directly, as the seed's, so the audit triggers record each one.

select set_config('app.acting_as', 'seed', false),
       set_config('app.audit_details', '{"source": "supabase/seeds/project-updates.sql"}', false);

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        confirmation_token, recovery_token, email_change_token_new, email_change,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000401', 'authenticated', 'authenticated',
        'lead@example.org', extensions.crypt('working-together-demo', extensions.gen_salt('bf', 6)), now(), '', '', '', '',
        '{"provider": "email", "providers": ["email"]}'::jsonb, '{"display_name": "Rosa Fenwick"}'::jsonb, now(), now());

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
values ('00000000-0000-4000-8000-000000000401', '00000000-0000-4000-8000-000000000401',
        '{"sub": "00000000-0000-4000-8000-000000000401", "email": "lead@example.org"}'::jsonb, 'email', now(), now());

insert into private.project_leads (project_slug, person_id, assigned_by) values
  ('adults-strategy', '00000000-0000-4000-8000-000000000401', '00000000-0000-4000-8000-000000000002'),
  ('foster-carers-review', '00000000-0000-4000-8000-000000000401', '00000000-0000-4000-8000-000000000002');

-- One update the lead wrote online and an officer approved last month, so a fresh `npm start`
-- builds it into the Adults Strategy page and the feed (tests/e2e/project-updates.spec.ts reads
-- it there with JavaScript off).
insert into private.project_updates (project_slug, author_id, month, title, body, we_asked, you_said, we_did, next_steps,
                                     status, submitted_at, decided_at, decided_by, approved_at)
values ('adults-strategy', '00000000-0000-4000-8000-000000000401',
        (date_trunc('month', now()) - interval '1 month')::date,
        'The reference group read the second draft',
        'Nine members of the reference group met to read the second draft of the strategy together.',
        'Is the second draft clearer than the first?',
        'Members said it was clearer, but the part on housing was still too long.',
        'We cut the housing part by half and added a short summary at the start.',
        'The group will check the final draft before it goes to the council''s Cabinet.',
        'approved', now() - interval '20 days', now() - interval '19 days', '00000000-0000-4000-8000-000000000002',
        now() - interval '19 days');

select set_config('app.acting_as', '', false), set_config('app.audit_details', '', false);
