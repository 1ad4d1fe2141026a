-- Online applications demo (issue 15): a round of the Sustainability Fund open for applications now,
-- and a demo applicant, Amira Haddad of a community group, part way through her application
-- (the first two tasks done). Invented people and organisation. Never load into a live project:
-- the demo password is public (see README). Runs after seed.sql (supabase/config.toml).

select set_config('app.acting_as', 'seed', false),
       set_config('app.audit_details', '{"source": "supabase/seeds/grants-apply.sql"}', false);

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        confirmation_token, recovery_token, email_change_token_new, email_change,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000040', 'authenticated', 'authenticated',
        'applicant@example.org', extensions.crypt('working-together-demo', extensions.gen_salt('bf', 6)), now(), '', '', '', '',
        '{"provider": "email", "providers": ["email"]}'::jsonb, '{"display_name": "Amira Haddad"}'::jsonb, now(), now());

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
values ('00000000-0000-4000-8000-000000000040', '00000000-0000-4000-8000-000000000040',
        '{"sub": "00000000-0000-4000-8000-000000000040", "email": "applicant@example.org"}'::jsonb, 'email', now(), now());

-- Open from two weeks ago until about six weeks from now, whenever the demo is started.
insert into private.rounds (id, fund_id, title, reference_prefix, state, opens_on, closes_on, seat_margin)
values ('00000000-0000-4000-9000-000000000151', '00000000-0000-4000-9000-000000000002', 'Sustainability Fund 2027 to 2028', 'SUS27',
        'open', current_date - 14, current_date + 40, 10);

-- The same questions as this year's round.
insert into private.criteria (round_id, position, title, guidance, weight, maximum, descriptors)
select '00000000-0000-4000-9000-000000000151', c.position, c.title, c.guidance, c.weight, c.maximum, c.descriptors
from private.criteria c where c.round_id = '00000000-0000-4000-9000-000000000102';

insert into private.online_applications (round_id, applicant_id, answers, completed, saved_at)
values ('00000000-0000-4000-9000-000000000151', '00000000-0000-4000-8000-000000000040',
        jsonb_build_object(
          'organisation', jsonb_build_object('organisation_name', 'Rose Hill Supper Club', 'organisation_type', 'community group',
                                             'charity_number', null, 'company_number', null,
                                             'address', 'Rose Hill Community Centre, Carbery Close, Oxford', 'postcode', 'OX4 4HB'),
          'contact', jsonb_build_object('contact_name', 'Amira Haddad', 'contact_role', 'Coordinator',
                                        'contact_email', 'applicant@example.org', 'contact_phone', '01865 000401')),
        array['organisation', 'contact'], now() - interval '2 days');

select set_config('app.acting_as', '', false), set_config('app.audit_details', '', false);
