-- Demo data for the embedded stand-in and for `supabase db reset` on a local Supabase stack.
-- Never load it into a production project: the demo password is public (see README).
-- Passwords use bcrypt through pgcrypto, as Supabase Auth stores them, so this file works on both.
-- Users are written with every column Auth itself fills (auth.users has no defaults for them):
-- the token columns as empty strings, since Auth cannot sign in a user whose token is NULL.

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        confirmation_token, recovery_token, email_change_token_new, email_change,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
       extensions.crypt('working-together-demo', extensions.gen_salt('bf', 6)), now(), '', '', '', '',
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       jsonb_build_object('display_name', u.display_name), now(), now()
from (values
  ('00000000-0000-4000-8000-000000000001'::uuid, 'resident@example.org', 'Demo resident')
) as u (id, email, display_name);

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email), 'email', now(), now()
from auth.users u
where u.id::text like '00000000-0000-4000-8000-%';

-- ---------------------------------------------------------------------------------------------
-- Grants panel demo: three funds, one round each at a different stage, their panels, scores,
-- a conflict of interest, a reopened score, and for the decided round the recommendations,
-- review meetings and Cabinet decisions. All organisations, people, numbers and contact details
-- are invented. The seed writes the private tables directly (as the migration owner); the
-- audit triggers still fire, so every row below is in the hash chain, marked as the seed's.
-- ---------------------------------------------------------------------------------------------

select set_config('app.acting_as', 'seed', false),
       set_config('app.audit_details', '{"source": "supabase/seed.sql"}', false);

-- People. Those marked true sign in with the demo password (see supabase/demo-accounts.ts);
-- the others are panel members who exist only as data.
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        confirmation_token, recovery_token, email_change_token_new, email_change,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
       case when u.signs_in then extensions.crypt('working-together-demo', extensions.gen_salt('bf', 6)) end, now(), '', '', '', '',
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       jsonb_build_object('display_name', u.display_name), now(), now()
from (values
  ('00000000-0000-4000-8000-000000000002'::uuid, 'officer@example.org', 'Jo Pemberton', true),
  ('00000000-0000-4000-8000-000000000003'::uuid, 'scrutiny@example.org', 'Dev Malhotra', true),
  ('00000000-0000-4000-8000-000000000004'::uuid, 'chair@example.org', 'Margaret Ashby', true),
  ('00000000-0000-4000-8000-000000000005'::uuid, 'clerk@example.org', 'Tom Whitfield', true),
  ('00000000-0000-4000-8000-000000000006'::uuid, 'member@example.org', 'Sam Okoro', true),
  ('00000000-0000-4000-8000-000000000007'::uuid, 'member2@example.org', 'Lucy Brennan', true),
  ('00000000-0000-4000-8000-000000000008'::uuid, 'councillor@example.org', 'Cllr Helen Marsh', true),
  ('00000000-0000-4000-8000-000000000010'::uuid, 'ray.dunmore@example.org', 'Ray Dunmore', false),
  ('00000000-0000-4000-8000-000000000011'::uuid, 'david.forde@example.org', 'Cllr David Forde', false),
  ('00000000-0000-4000-8000-000000000012'::uuid, 'aisha.rahman@example.org', 'Cllr Aisha Rahman', false),
  ('00000000-0000-4000-8000-000000000013'::uuid, 'peter.lowe@example.org', 'Cllr Peter Lowe', false),
  ('00000000-0000-4000-8000-000000000014'::uuid, 'bev.hollis@example.org', 'Bev Hollis', false),
  ('00000000-0000-4000-8000-000000000015'::uuid, 'kwame.asante@example.org', 'Kwame Asante', false),
  ('00000000-0000-4000-8000-000000000016'::uuid, 'nina.carvalho@example.org', 'Nina Carvalho', false),
  ('00000000-0000-4000-8000-000000000017'::uuid, 'sue.barlow@example.org', 'Cllr Sue Barlow', false),
  ('00000000-0000-4000-8000-000000000018'::uuid, 'gareth.price@example.org', 'Cllr Gareth Price', false),
  ('00000000-0000-4000-8000-000000000019'::uuid, 'ellie.shaw@example.org', 'Ellie Shaw', false),
  ('00000000-0000-4000-8000-000000000020'::uuid, 'josh.adeyemi@example.org', 'Josh Adeyemi', false),
  ('00000000-0000-4000-8000-000000000021'::uuid, 'mia.kowalski@example.org', 'Mia Kowalski', false),
  ('00000000-0000-4000-8000-000000000022'::uuid, 'harvey.dean@example.org', 'Harvey Dean', false),
  ('00000000-0000-4000-8000-000000000023'::uuid, 'joanne.whitaker@example.org', 'Cllr Joanne Whitaker', false),
  ('00000000-0000-4000-8000-000000000024'::uuid, 'imran.siddiqui@example.org', 'Cllr Imran Siddiqui', false),
  ('00000000-0000-4000-8000-000000000025'::uuid, 'rachel.greene@example.org', 'Cllr Rachel Greene', false),
  ('00000000-0000-4000-8000-000000000026'::uuid, 'priya.nair@example.org', 'Priya Nair', false),
  ('00000000-0000-4000-8000-000000000027'::uuid, 'carol.jennings@example.org', 'Carol Jennings', false)
) as u (id, email, display_name, signs_in);

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email), 'email', now(), now()
from auth.users u
where u.id::text like '00000000-0000-4000-8000-%'
  and not exists (select 1 from auth.identities i where i.user_id = u.id);

-- The trigger on auth.users made a people row for each; powers come only from these flags.
update private.people set is_officer = true where id = '00000000-0000-4000-8000-000000000002';
update private.people set is_scrutiny = true where id = '00000000-0000-4000-8000-000000000003';

insert into private.funds (id, slug, name, description, budget, budget_period) values
  ('00000000-0000-4000-9000-000000000001', 'innovation-fund', 'Innovation Fund',
   'One-off grants for voluntary and community groups to start new projects for adults in Oxfordshire that can keep going on their own once the grant is spent.',
   100000, 'a year'),
  ('00000000-0000-4000-9000-000000000002', 'sustainability-fund', 'Sustainability Fund',
   'Grants to keep daytime support for adults going and help it grow, while each service works towards relying less on grants.',
   250000, 'a year'),
  ('00000000-0000-4000-9000-000000000003', 'youth-opportunities-fund', 'Youth Opportunities Fund',
   'Grants for projects that give young people in Oxfordshire new chances, chosen with young people sitting on the panel.',
   1000000, 'over two years');

-- Each round is created at the scoring stage so its scores can be written; the later rounds are
-- then moved on step by step below, as an officer would.
insert into private.rounds (id, fund_id, title, reference_prefix, state, opens_on, closes_on, scoring_deadline, panel_date, seat_margin) values
  ('00000000-0000-4000-9000-000000000101', '00000000-0000-4000-9000-000000000001', 'Innovation Fund 2026 to 2027', 'INN26',
   'scoring', '2026-08-03', '2026-10-16', '2026-12-04 17:00:00+00', '2026-12-10', 10),
  ('00000000-0000-4000-9000-000000000102', '00000000-0000-4000-9000-000000000002', 'Sustainability Fund 2026 to 2027', 'SUS26',
   'scoring', '2026-08-03', '2026-09-25', '2026-11-13 17:00:00+00', '2026-11-26', 10),
  ('00000000-0000-4000-9000-000000000103', '00000000-0000-4000-9000-000000000003', 'Youth Opportunities Fund 2026 to 2028', 'YOF26',
   'scoring', '2026-03-02', '2026-04-30', '2026-06-05 17:00:00+00', '2026-06-12', 10);

-- Criteria: a weight, a highest score, plain-English guidance, and words for every score.
insert into private.criteria (round_id, position, title, guidance, weight, maximum, descriptors)
select r.id, c.position, c.title, c.guidance, c.weight, c.maximum, c.descriptors
from (values
  ('INN26', 1, 'Who it is for and why it is needed',
   'Look for a clear picture of the people the project is for and what they are missing now. Evidence can be numbers, stories or what people have said.',
   25, 4, '["The application does not say who the project is for or why it is needed.", "It names who it is for, but gives little sign that they need it.", "It shows some need, with a little evidence.", "It shows a clear need, with good evidence from the people it is for.", "It shows a strong, well-evidenced need that nothing nearby meets."]'::jsonb),
  ('INN26', 2, 'Something new',
   'The Innovation Fund pays for new things: a new project, or a new way of doing something. It does not pay for what a group already does.',
   20, 4, '["Nothing new: it pays for what already happens.", "A small change to something that already happens.", "Partly new, or new to this group but common nearby.", "A new project or a new way of working for the area.", "Clearly new, and could be a model for other places."]'),
  ('INN26', 3, 'Keeping going after the grant',
   'This is a one-off grant. Check how the project will carry on when the money is spent: volunteers, small charges, other funders or a partner.',
   25, 4, '["No plan for after the grant.", "A hope, but no plan.", "A plan with big gaps.", "A sensible plan that could work.", "A clear plan, with money or partners already lined up."]'),
  ('INN26', 4, 'Involving the people it is for',
   'Were the people who will use the project part of designing it, and will they help run it?',
   15, 4, '["The people it is for were not involved.", "They were told about it.", "They were asked for their views.", "They helped design it.", "They designed it and will help run it."]'),
  ('INN26', 5, 'A sensible budget',
   'Do the costs add up, and are they fair for what the project will do? Ask the grants officer if something looks odd.',
   15, 4, '["The budget does not add up, or is missing.", "Several costs are unclear or look too high.", "Mostly clear, with one or two questions.", "Clear and fair.", "Clear, fair and good value, with other money or help in kind."]'),

  ('SUS26', 1, 'The difference the day service makes',
   'What difference does the service make to the people who come, and to their carers? Look for what people say about it, not only numbers.',
   30, 5, '["No sign of what difference it makes.", "Says it helps, but shows nothing.", "Some sign that it helps a few people.", "A clear difference for the people who come.", "A clear difference for people and their carers, shown well.", "An outstanding difference, shown by what people and carers say."]'),
  ('SUS26', 2, 'Relying less on grants',
   'The fund helps services rely less on grants over time. Look for steps such as new income, more volunteers or a partner.',
   25, 5, '["No steps towards relying less on grants.", "Talks about it, but no steps.", "One small step.", "Some real steps already taken.", "A clear plan with several steps under way.", "A strong plan that is already reducing its need for grants."]'),
  ('SUS26', 3, 'People who use the service have a say',
   'Do the people who come, and their carers, help decide how the service is run?',
   25, 5, '["They have no say.", "They are told about changes.", "They are asked now and then.", "They are asked often, and it changes things.", "They help plan the service.", "They help plan and run the service."]'),
  ('SUS26', 4, 'Budget and value for money',
   'Do the costs add up, and are they fair for the support the service gives?',
   20, 5, '["The budget does not add up, or is missing.", "Costs are unclear or look too high.", "Mostly clear, with some questions.", "Clear and fair.", "Clear, fair and good value.", "Excellent value, with other money or help in kind."]'),

  ('YOF26', 1, 'What young people said they need',
   'Did young people ask for this? Look for what they said and how the group found out.',
   20, 3, '["No sign that young people asked for it.", "Young people were asked a little.", "Young people clearly asked for it.", "Young people asked for it and shaped the idea."]'),
  ('YOF26', 2, 'Young people lead it',
   'Will young people help run the project and make decisions, not only take part?',
   20, 3, '["Adults run it; young people only take part.", "Young people are asked their views.", "Young people make some of the decisions.", "Young people lead it, with adults supporting."]'),
  ('YOF26', 3, 'Reaching young people who miss out',
   'Will it reach young people who often miss out, such as young carers, young people in villages with no bus, or young people with disabilities?',
   20, 3, '["No plan to reach young people who miss out.", "A general wish to include everyone.", "A plan to reach one group who miss out.", "A strong plan, with partners who already work with them."]'),
  ('YOF26', 4, 'Safe and well run',
   'Look for safeguarding, trained staff or volunteers, and a group that can manage the money.',
   15, 3, '["Safeguarding or management is missing.", "Basic, with gaps.", "Sound.", "Strong, with a good record."]'),
  ('YOF26', 5, 'A lasting difference',
   'What will be different for young people after two years, and will anything carry on?',
   15, 3, '["It is not clear what will change.", "A short-term difference.", "A clear difference, some of it lasting.", "A clear, lasting difference that will carry on."]'),
  ('YOF26', 6, 'Budget and value for money',
   'Do the costs add up, and are they fair for what the project will do over two years?',
   10, 3, '["The budget does not add up.", "Costs are unclear or look too high.", "Clear and fair.", "Clear, fair and good value."]')
) as c (prefix, position, title, guidance, weight, maximum, descriptors)
join private.rounds r on r.reference_prefix = c.prefix;

-- The applications. `quality` (0 to 1) and `seat_bias` only shape the invented scores below.
create temporary table seed_application (
  prefix text, n int, organisation_name text, organisation_type text, charity_number text, company_number text,
  project_title text, description text, amount numeric, budget_lines jsonb, outcomes text, beneficiaries text,
  area text, summary text, contact_name text, contact_role text, email text, quality numeric, seat_bias numeric default 0
);

insert into seed_application values
  ('INN26', 1, 'Bicester Community Shed', 'registered charity', '1184263', null,
   'Tools and tea: a shed open to everyone',
   'We want to open a community shed in a disused workshop behind the library. People who feel lonely, especially older men, will come to make and mend things together. Volunteers with trade skills will run the sessions. The grant pays for tools, safety equipment and the first year of rent.',
   8400, '[{"item": "Tools and safety equipment", "amount": 3900}, {"item": "Rent for the first year", "amount": 3600}, {"item": "Volunteer training", "amount": 900}]',
   'Forty people come at least once a month by the end of the first year. Members say they feel less alone.',
   'Adults living alone in and around Bicester, especially older men.', 'Bicester',
   'A new shed where people make and mend things together, to tackle loneliness. Volunteers will run it. After the first year, members pay £2 a visit and a local builders'' merchant will sponsor the rent.',
   'Graham Tulley', 'Chair', 'bicester-shed', 0.80, 0),
  ('INN26', 2, 'Witney Memory Café Group', 'community group', null, null,
   'A Saturday memory café',
   'The memory café we run on weekdays is full, and carers who work cannot come. We will open on Saturday mornings in the church hall, with music, games and a carers'' corner where people can talk to someone who understands.',
   5200, '[{"item": "Hall hire, 50 Saturdays", "amount": 2500}, {"item": "Activities and music", "amount": 1500}, {"item": "Refreshments", "amount": 1200}]',
   'Twenty families a month. Carers who work get a break and some support.',
   'People living with dementia and their carers, especially carers who work in the week.', 'Witney',
   'A new Saturday memory café for people with dementia and their carers, for carers who cannot come in the week. The group has run a weekday café for three years.',
   'Pauline Greaves', 'Organiser', 'witney-memory-cafe', 0.70, 0),
  ('INN26', 3, 'Rose Hill Digital Buddies', 'community interest company', null, '13572946',
   'Tablet lending and one-to-one help',
   'Many older people on the estate cannot book a doctor''s appointment or see their family online. We will lend tablets with data for three months, and a trained buddy will visit each week to help people learn at their own pace.',
   12000, '[{"item": "30 tablets with data", "amount": 6600}, {"item": "Buddy coordinator, 10 hours a week", "amount": 4400}, {"item": "Training for buddies", "amount": 1000}]',
   'Ninety people learn to get online. Most go on to buy or borrow their own device.',
   'Older people and disabled adults on the Rose Hill estate who are not online.', 'Rose Hill, Oxford',
   'Lends tablets for three months with a weekly visit from a volunteer buddy, for people on Rose Hill who are not online. Tablets are lent again and again; the coordinator''s pay after year one is not yet found.',
   'Marcus Idowu', 'Director', 'rose-hill-digital', 0.60, 0),
  ('INN26', 4, 'Didcot Deaf Friendship Club', 'community group', null, null,
   'British Sign Language tasters for families',
   'Deaf adults in our club often cannot talk with their own grandchildren, nephews and nieces. We will run six-week taster courses in British Sign Language (BSL) for their families, taught by Deaf tutors.',
   4750, '[{"item": "Deaf tutors, 4 courses", "amount": 3200}, {"item": "Room hire", "amount": 950}, {"item": "Course materials", "amount": 600}]',
   'Forty family members learn basic BSL. Deaf members feel closer to their families.',
   'Deaf adults and their families in and around Didcot.', 'Didcot',
   'Short British Sign Language courses for the families of Deaf adults, taught by Deaf tutors. After the grant, families will pay a small fee for each course.',
   'Claire Munday', 'Secretary', 'didcot-deaf-club', 0.75, 0),
  ('INN26', 5, 'Wantage Growing Together', 'charitable incorporated organisation', '1199384', null,
   'A garden everyone can reach',
   'We will build raised beds at wheelchair height, wide paths and a shelter at the community centre, so that disabled people and people with mental health problems can garden together. Produce goes to the food larder.',
   9800, '[{"item": "Raised beds and paths", "amount": 6200}, {"item": "Shelter", "amount": 2400}, {"item": "Tools and seeds", "amount": 1200}]',
   'Twenty-five regular gardeners. Fresh vegetables for the food larder each week in summer.',
   'Disabled adults and people with mental health problems in Wantage and Grove.', 'Wantage',
   'An accessible garden at the community centre for disabled people and people with mental health problems. Once built, it needs little money; volunteers and plant sales will keep it going.',
   'Hannah Rowe', 'Trustee', 'wantage-growing', 0.85, 0),
  ('INN26', 6, 'Banbury Carers'' Walking Group', 'community group', null, null,
   'Walks for carers, all year round',
   'Our walks give carers an hour off and a chance to talk. In winter we stop because we have no trained leaders for dark evenings. We will train six walk leaders and plan a winter programme of daytime walks.',
   2600, '[{"item": "Walk leader training, 6 people", "amount": 1800}, {"item": "First aid kits and high-visibility vests", "amount": 400}, {"item": "Leaflets", "amount": 400}]',
   'Walks every week of the year. Thirty carers take part.',
   'Unpaid carers in Banbury.', 'Banbury',
   'Trains six volunteer walk leaders so that a walking group for carers can run all year. Very low running costs once the leaders are trained.',
   'Steve Okafor', 'Walk organiser', 'banbury-carers-walks', 0.55, 0),
  ('INN26', 7, 'Thame Repair Café', 'community group', null, null,
   'A repair café run with volunteers with learning disabilities',
   'We will start a monthly repair café where people bring broken things to be fixed. Volunteers with learning disabilities will welcome visitors, log repairs and learn repair skills alongside experienced fixers.',
   3900, '[{"item": "Tools and test equipment", "amount": 2100}, {"item": "Hall hire, 12 months", "amount": 1080}, {"item": "Insurance", "amount": 720}]',
   'Twelve volunteers with learning disabilities gain skills and confidence. Three hundred items repaired in a year.',
   'Adults with learning disabilities in Thame, and local people.', 'Thame',
   'A monthly repair café where volunteers with learning disabilities work alongside experienced fixers. Donations from visitors are expected to cover the hall after the first year.',
   'Rita Fenwick', 'Coordinator', 'thame-repair-cafe', 0.65, 0),
  ('INN26', 8, 'Kidlington Accessible Cycling', 'community interest company', null, '14028831',
   'Adapted bikes for weekly rides',
   'Disabled adults in Kidlington have nowhere nearby to ride. We will buy four adapted bikes, including a side-by-side tandem and a wheelchair transporter bike, and run a weekly session at the recreation ground.',
   14500, '[{"item": "Four adapted bikes", "amount": 11200}, {"item": "Storage container", "amount": 2100}, {"item": "Session leader training", "amount": 1200}]',
   'Thirty disabled adults ride at least once a month.',
   'Disabled adults in and around Kidlington.', 'Kidlington',
   'Buys four adapted bikes for a weekly riding session for disabled adults. Riders would pay £3 a session; the group has not yet found a partner to pay for repairs.',
   'Ben Aldridge', 'Founder', 'kidlington-cycling', 0.50, 0),
  ('INN26', 9, 'Abingdon Peer Support Network', 'charitable incorporated organisation', '1201745', null,
   'A peer-led mental health drop-in',
   'People who have lived with mental health problems will run a weekly drop-in on Friday evenings, when other services are closed. Peer supporters will be trained and paid a small fee for each session.',
   11200, '[{"item": "Peer supporter fees", "amount": 6200}, {"item": "Training and supervision", "amount": 3000}, {"item": "Room hire", "amount": 2000}]',
   'A safe place on Friday evenings. Fewer people go to A&E in a crisis.',
   'Adults with mental health problems in Abingdon.', 'Abingdon',
   'A Friday evening drop-in run by people with their own experience of mental health problems. The group is talking to the local NHS about paying for it after the first year.',
   'Lena Marsh', 'Manager', 'abingdon-peer-support', 0.70, 0),
  ('INN26', 10, 'Chipping Norton Community Kitchen', 'registered charity', '1176520', null,
   'Cook and share for people living alone',
   'Once a week, people who live alone will cook a meal together and eat it together. A volunteer chef will lead, and people will take home recipes and leftovers.',
   7300, '[{"item": "Volunteer chef expenses and food", "amount": 4300}, {"item": "Kitchen equipment", "amount": 1800}, {"item": "Transport for people without a car", "amount": 1200}]',
   'Twenty-five people eat a healthy meal in company each week.',
   'Adults living alone in Chipping Norton and nearby villages.', 'Chipping Norton',
   'Weekly cook-and-eat sessions for people living alone. A local supermarket has offered food; the group would charge £3 a meal after the first year.',
   'Gwen Hartley', 'Volunteer lead', 'chipping-norton-kitchen', 0.70, 0),
  ('INN26', 11, 'Carterton Sensory Space', 'company limited by guarantee', null, '12860417',
   'A sensory room that travels',
   'Adults with profound and multiple learning disabilities in west Oxfordshire travel an hour to reach a sensory room. We will buy equipment that packs into a van, so that a sensory room can be set up in village halls.',
   13600, '[{"item": "Portable sensory equipment", "amount": 9800}, {"item": "Van conversion", "amount": 2600}, {"item": "Staff training", "amount": 1200}]',
   'Sessions in six villages each month. Less travel for people and their carers.',
   'Adults with profound and multiple learning disabilities and their carers in west Oxfordshire.', 'Carterton and west Oxfordshire',
   'Portable sensory room equipment that can be set up in village halls, so people do not travel an hour to use one. Day services would pay to book it.',
   'Oliver Strand', 'Operations lead', 'carterton-sensory', 0.60, 0),
  ('INN26', 12, 'Wallingford Stroke Club', 'registered charity', '1158872', null,
   'A talking group for people with aphasia',
   'After a stroke, some people find it hard to speak or find words (aphasia). We will start a fortnightly talking group led by a speech and language therapist and run later by trained volunteers.',
   6100, '[{"item": "Speech and language therapist, 6 months", "amount": 3900}, {"item": "Volunteer training", "amount": 1400}, {"item": "Communication aids", "amount": 800}]',
   'Fifteen people with aphasia take part. Volunteers can run it alone after six months.',
   'People with aphasia after a stroke, and their families.', 'Wallingford',
   'A talking group for people who find speaking hard after a stroke, started by a therapist and then run by trained volunteers at no extra cost.',
   'Dennis Howarth', 'Treasurer', 'wallingford-stroke-club', 0.75, 0),

  ('SUS26', 1, 'Cherwell Day Opportunities', 'charitable incorporated organisation', '1172049', null,
   'Keeping our Tuesday and Thursday days open',
   'We run day opportunities for adults with learning disabilities five days a week. Tuesday and Thursday have no funding from next April. This grant keeps them open while we start a café that will earn income.',
   38000, '[{"item": "Support staff for two days a week", "amount": 29000}, {"item": "Transport", "amount": 6000}, {"item": "Café set-up", "amount": 3000}]',
   'Thirty-two people keep two days a week of activity and friendship. The café earns £8,000 a year by year two.',
   'Adults with learning disabilities in north Oxfordshire and their carers.', 'Banbury and north Oxfordshire',
   'Keeps two days a week of a day service for adults with learning disabilities open, while a new café starts to earn money.',
   'Angela Burrows', 'Chief officer', 'cherwell-day-opps', 0.80, 0),
  ('SUS26', 2, 'Eynsham Friendship Lunch Club', 'registered charity', '1090384', null,
   'Lunch club and transport',
   'Every Wednesday, older people come for lunch, company and activities. Many cannot drive, so we collect them by minibus. Our minibus costs have doubled.',
   16500, '[{"item": "Minibus running costs", "amount": 9500}, {"item": "Cook", "amount": 5000}, {"item": "Activities", "amount": 2000}]',
   'Forty older people keep coming each week; carers get a regular break.',
   'Older people in Eynsham and nearby villages, and their carers.', 'Eynsham',
   'Helps a weekly lunch club for older people pay for its minibus. Members already pay £5 for lunch; the club is asking the parish council to share the minibus.',
   'Barbara Neale', 'Club leader', 'eynsham-lunch-club', 0.70, 0),
  ('SUS26', 3, 'Blackbird Leys Community Hub', 'registered charity', '1166731', null,
   'Daytime activities for adults with learning disabilities',
   'Our hub runs cooking, drama and gardening for adults with learning disabilities, planned with the people who come. We want to keep three days a week running and train members to lead sessions.',
   42000, '[{"item": "Session staff", "amount": 30000}, {"item": "Members'' leadership training", "amount": 5000}, {"item": "Materials", "amount": 7000}]',
   'Twenty-eight people keep three days a week. Six members lead sessions by the end of the year.',
   'Adults with learning disabilities in south-east Oxford.', 'Blackbird Leys, Oxford',
   'Keeps three days a week of activities planned by adults with learning disabilities, and trains members to lead sessions. Most of the cost is staff.',
   'Yvonne Carter', 'Hub manager', 'blackbird-leys-hub', 0.60, 0.15),
  ('SUS26', 4, 'Henley Dementia Day Club', 'registered charity', '1123457', null,
   'Two days a week for people with dementia',
   'We give people with dementia a full day of activity twice a week, and their carers a break. Our council contract ends in March.',
   27500, '[{"item": "Staff", "amount": 21000}, {"item": "Transport", "amount": 4500}, {"item": "Activities", "amount": 2000}]',
   'Eighteen people with dementia and their carers keep their days.',
   'People with dementia and their carers in Henley and nearby villages.', 'Henley-on-Thames',
   'A day club for people with dementia, two days a week, which gives carers a break. The club plans to charge a little more and find a business sponsor.',
   'Michael Drew', 'Trustee', 'henley-dementia-club', 0.75, 0),
  ('SUS26', 5, 'Faringdon Young at Heart Club', 'community group', null, null,
   'Keeping our weekly day going',
   'Older people in Faringdon meet each Monday for exercise, lunch and a talk. Our hall costs have gone up and we need help for two years while we raise more ourselves.',
   15800, '[{"item": "Hall hire", "amount": 6800}, {"item": "Lunch and activities", "amount": 6000}, {"item": "Volunteer expenses", "amount": 3000}]',
   'Thirty-five older people keep meeting every week.',
   'Older people in Faringdon.', 'Faringdon',
   'A weekly day for older people with exercise, lunch and a talk. The group is planning fundraising events to cover the hall.',
   'June Paterson', 'Chair', 'faringdon-young-at-heart', 0.55, 0),
  ('SUS26', 6, 'Oxford Hearing Voices Group', 'community group', null, null,
   'Daytime peer support for people who hear voices',
   'We are a peer group for people who hear voices or see things others do not. We meet in the daytime, twice a week, and want to add a walking group and train new facilitators.',
   18200, '[{"item": "Facilitator fees", "amount": 9200}, {"item": "Training", "amount": 4000}, {"item": "Room hire", "amount": 5000}]',
   'Fifty people use the group each year. Four new facilitators trained.',
   'Adults who hear voices in Oxford.', 'Oxford',
   'A daytime peer support group for people who hear voices, led by people with the same experience. It is applying to the NHS for part of its costs.',
   'Aidan Lusk', 'Facilitator', 'oxford-hearing-voices', 0.65, 0),
  ('SUS26', 7, 'Wychwood Forest Farm Day Service', 'community interest company', null, '10472918',
   'Farm days for adults with learning disabilities',
   'People spend their day on a working farm: feeding animals, growing food and selling it at the farm shop. We need help with staff costs while the farm shop grows.',
   35000, '[{"item": "Support workers", "amount": 26000}, {"item": "Farm equipment", "amount": 5000}, {"item": "Farm shop improvements", "amount": 4000}]',
   'Twenty-two people keep their farm days. The farm shop pays a third of costs by year two.',
   'Adults with learning disabilities in west Oxfordshire.', 'Wychwood, west Oxfordshire',
   'Day service on a working farm for adults with learning disabilities. A farm shop already covers a fifth of the costs and is growing.',
   'Fiona Blake', 'Director', 'wychwood-farm', 0.80, 0),
  ('SUS26', 8, 'Berinsfield Men''s Shed', 'registered charity', '1170265', null,
   'Keeping the shed open in the daytime',
   'Our shed is open three days a week for men and women who want company and something useful to do. Many members are carers or recently bereaved. We need help with rent and a part-time organiser.',
   19400, '[{"item": "Rent", "amount": 7400}, {"item": "Part-time organiser", "amount": 10000}, {"item": "Materials", "amount": 2000}]',
   'Forty-five members keep their shed. More items made and sold.',
   'Adults in Berinsfield and nearby villages who are lonely.', 'Berinsfield',
   'Keeps a community shed open three days a week. It sells what members make, which covers about a quarter of the costs.',
   'Keith Lambert', 'Secretary', 'berinsfield-shed', 0.60, 0),
  ('SUS26', 9, 'Grove Carers'' Café', 'community group', null, null,
   'A café morning for carers',
   'Each Thursday, carers bring the person they care for to a café where both can relax. We have volunteers, but need money for the room and a trained support worker.',
   12900, '[{"item": "Support worker", "amount": 7900}, {"item": "Room hire", "amount": 3000}, {"item": "Refreshments", "amount": 2000}]',
   'Twenty-five carers and the people they care for come each month.',
   'Carers and the people they care for in Grove and Wantage.', 'Grove',
   'A weekly café for carers and the people they care for, with a trained support worker. Volunteers run it; the group has no other income yet.',
   'Sandra Pugh', 'Volunteer', 'grove-carers-cafe', 0.50, 0),
  ('SUS26', 10, 'Barton Neighbourhood Art Studio', 'social enterprise', null, 'OC429173',
   'Open studio mornings',
   'Our art studio opens three mornings a week for adults with mental health problems and disabled adults. Sales of artwork and paid workshops for businesses will cover more of the cost each year.',
   24600, '[{"item": "Artist facilitators", "amount": 15600}, {"item": "Materials", "amount": 4000}, {"item": "Studio rent", "amount": 5000}]',
   'Thirty artists keep their studio mornings. Workshops for businesses earn £6,000 a year.',
   'Adults with mental health problems and disabled adults in Barton and Headington.', 'Barton, Oxford',
   'Open studio mornings for adults with mental health problems and disabled adults. Paid workshops for businesses already bring in some money.',
   'Tariq Nasser', 'Studio director', 'barton-art-studio', 0.70, 0),
  ('SUS26', 11, 'Didcot Autism Hub', 'charitable incorporated organisation', '1194416', null,
   'Daytime hub for autistic adults',
   'Autistic adults in Didcot have few places to go in the day that feel calm and safe. Our hub offers a quiet space, social groups and help with work and benefits, planned by autistic members.',
   31000, '[{"item": "Hub coordinator", "amount": 19000}, {"item": "Rent", "amount": 8000}, {"item": "Activities", "amount": 4000}]',
   'Sixty autistic adults use the hub each year.',
   'Autistic adults in and around Didcot.', 'Didcot',
   'A calm daytime hub for autistic adults, planned by autistic members. It has started charging for training it gives to local employers.',
   'Priya Nair', 'Coordinator', 'didcot-autism-hub', 0.75, 0),

  ('YOF26', 1, 'Banbury Youth Music Collective', 'charitable incorporated organisation', '1187730', null,
   'Studio sessions and a festival run by young people',
   'Young people asked us for somewhere to make music after school. We will open a studio three evenings a week and support young people to plan and run their own festival each summer.',
   96000, '[{"item": "Youth workers and music tutors, two years", "amount": 62000}, {"item": "Studio equipment", "amount": 18000}, {"item": "Festival costs", "amount": 16000}]',
   'One hundred and fifty young people use the studio. Two festivals run by young people.',
   'Young people aged 13 to 19 in Banbury.', 'Banbury',
   'A music studio three evenings a week and a yearly festival planned and run by young people.',
   'Callum Reid', 'Project lead', 'banbury-youth-music', 0.80, 0),
  ('YOF26', 2, 'Oxford Skate and Street Sport', 'community interest company', null, '11937402',
   'Skate sessions and coaching',
   'We run free skate and BMX sessions and train young people as coaches. We want to run sessions in four more areas and open an indoor space for winter.',
   120000, '[{"item": "Coaches, two years", "amount": 70000}, {"item": "Indoor space rent", "amount": 36000}, {"item": "Equipment", "amount": 14000}]',
   'Four hundred young people take part. Twenty young coaches qualify.',
   'Young people aged 11 to 18 across Oxford.', 'Oxford',
   'Free skate and BMX sessions in more areas of Oxford, an indoor winter space, and coaching qualifications for young people. The indoor space is not yet secured.',
   'Jay Mensah', 'Director', 'oxford-skate', 0.70, 0),
  ('YOF26', 3, 'Bicester Young Carers Project', 'registered charity', '1139288', null,
   'Breaks and support for young carers',
   'Young carers told us they need time for themselves and someone at school who understands. We will run weekly clubs, holiday trips and a school champions scheme planned with young carers.',
   88000, '[{"item": "Young carers workers", "amount": 60000}, {"item": "Trips and clubs", "amount": 18000}, {"item": "School champions training", "amount": 10000}]',
   'One hundred young carers get regular breaks. Ten schools have a young carers champion.',
   'Young carers aged 8 to 18 in Bicester and nearby villages.', 'Bicester',
   'Weekly clubs, trips and school champions for young carers, planned with young carers themselves.',
   'Lorraine Hicks', 'Manager', 'bicester-young-carers', 0.90, 0),
  ('YOF26', 4, 'Witney Youth Theatre', 'registered charity', '1110945', null,
   'Youth-led theatre with free places',
   'Our youth theatre will offer free places to young people who cannot afford fees, and a youth board will choose and direct two shows a year.',
   64000, '[{"item": "Free places and bursaries", "amount": 30000}, {"item": "Directors and tutors", "amount": 26000}, {"item": "Production costs", "amount": 8000}]',
   'Sixty free places. Four shows chosen and directed by the youth board.',
   'Young people aged 11 to 19 in Witney and west Oxfordshire.', 'Witney',
   'Free places at a youth theatre and a youth board that chooses and directs shows.',
   'Imogen Clarke', 'Artistic director', 'witney-youth-theatre', 0.65, 0),
  ('YOF26', 5, 'Didcot Young People''s Cycle Workshop', 'social enterprise', null, 'SC118452',
   'Bike repair skills and a cycle workshop',
   'We want to open a workshop where young people learn to repair bikes, earn a qualification and refurbish bikes to sell. We are looking for premises.',
   72500, '[{"item": "Workshop fit-out", "amount": 30000}, {"item": "Mechanic trainers", "amount": 34500}, {"item": "Tools", "amount": 8000}]',
   'Forty young people gain a repair qualification.',
   'Young people aged 14 to 19 in Didcot who are not in education or work.', 'Didcot',
   'A bike workshop where young people learn repair skills. The group has not yet found premises.',
   'Owen Price', 'Founder', 'didcot-cycle-workshop', 0.40, 0),
  ('YOF26', 6, 'Cowley Road Youth Kitchen', 'community interest company', null, '12649083',
   'Cook, eat and run a pop-up café',
   'Young people will learn to cook on a budget and run a monthly pop-up café. Profits go back into the project, and the café team is chosen by young people.',
   58000, '[{"item": "Chef trainers", "amount": 32000}, {"item": "Kitchen hire", "amount": 16000}, {"item": "Food and equipment", "amount": 10000}]',
   'Eighty young people learn to cook. Twenty-four pop-up cafés run by young people.',
   'Young people aged 14 to 21 in east Oxford.', 'Cowley, Oxford',
   'Cooking sessions and a monthly pop-up café run by young people in east Oxford. Café profits go back into the project.',
   'Nadia Rahim', 'Director', 'cowley-youth-kitchen', 0.75, 0),
  ('YOF26', 7, 'Abingdon LGBTQ+ Youth Group', 'community group', null, null,
   'A safe weekly group and a peer mentoring scheme',
   'LGBTQ+ young people in Abingdon travel to Oxford for a group. We will run a weekly group locally, planned by members, and train older members as peer mentors.',
   45000, '[{"item": "Youth workers", "amount": 30000}, {"item": "Peer mentor training", "amount": 8000}, {"item": "Venue", "amount": 7000}]',
   'Forty young people have a safe local group. Eight peer mentors trained.',
   'LGBTQ+ young people aged 12 to 19 in Abingdon and nearby.', 'Abingdon',
   'A local weekly group for LGBTQ+ young people, planned by members, with peer mentors.',
   'Robin Achebe', 'Youth worker', 'abingdon-lgbtq-youth', 0.85, 0),
  ('YOF26', 8, 'Chipping Norton Rural Youth Bus', 'registered charity', '1145583', null,
   'A youth bus for villages with no buses',
   'Young people in villages around Chipping Norton have no bus in the evening. A converted bus will visit eight villages a week with youth workers, games, wifi and a quiet space.',
   150000, '[{"item": "Bus purchase and conversion", "amount": 60000}, {"item": "Youth workers and driver", "amount": 78000}, {"item": "Running costs", "amount": 12000}]',
   'Two hundred young people in eight villages reached each year.',
   'Young people aged 11 to 18 in villages around Chipping Norton.', 'Chipping Norton and villages',
   'A youth bus with youth workers that visits villages with no evening buses. The routes are not yet agreed with young people.',
   'Helen Croft', 'Chief executive', 'chipping-norton-youth-bus', 0.60, 0),
  ('YOF26', 9, 'Henley Outdoor Adventure Club', 'company limited by guarantee', null, '09318276',
   'Outdoor adventure weekends',
   'We will run adventure weekends of canoeing, climbing and camping for young people, with places for young people from low-income families.',
   110000, '[{"item": "Instructors", "amount": 54000}, {"item": "Equipment", "amount": 36000}, {"item": "Transport and camping", "amount": 20000}]',
   'One hundred and twenty young people take part in adventure weekends.',
   'Young people aged 12 to 17 in south Oxfordshire.', 'Henley-on-Thames',
   'Adventure weekends for young people, with some free places. Young people were not involved in planning it.',
   'Piers Hamilton', 'Director', 'henley-outdoor', 0.30, 0),
  ('YOF26', 10, 'Kidlington Youth Mental Health Peer Mentors', 'charitable incorporated organisation', '1203391', null,
   'Peer mentors for young people''s mental health',
   'Young people told us they would talk to someone their own age before an adult. We will train older teenagers as peer mentors in schools and a drop-in, supervised by a counsellor.',
   135000, '[{"item": "Counsellor and coordinator", "amount": 90000}, {"item": "Mentor training", "amount": 25000}, {"item": "Drop-in venue", "amount": 20000}]',
   'Fifty peer mentors trained. Five hundred young people supported.',
   'Young people aged 11 to 18 in Kidlington and north Oxford.', 'Kidlington',
   'Trained and supervised peer mentors for young people''s mental health, in schools and at a drop-in.',
   'Dr Amara Osei', 'Clinical lead', 'kidlington-peer-mentors', 0.80, 0);

insert into private.applications (round_id, reference, organisation_name, organisation_type, charity_number, company_number,
  project_title, description, amount_requested, budget_lines, outcomes, beneficiaries, area, summary, summary_by, summary_at, received_at)
select r.id, s.prefix || '-' || lpad(s.n::text, 3, '0'), s.organisation_name, s.organisation_type, s.charity_number, s.company_number,
       s.project_title, s.description, s.amount, s.budget_lines, s.outcomes, s.beneficiaries, s.area, s.summary,
       '00000000-0000-4000-8000-000000000002', r.closes_on + 10, r.closes_on - (s.n % 9)
from seed_application s join private.rounds r on r.reference_prefix = s.prefix
order by s.prefix, s.n;

-- Contact details live apart from the pack, for officers only.
insert into private.application_contacts (application_id, contact_name, contact_role, email, phone)
select a.id, s.contact_name, s.contact_role, s.email || '@example.org',
       '01865 000' || case s.prefix when 'INN26' then '1' when 'SUS26' then '2' else '3' end || lpad(s.n::text, 2, '0')
from seed_application s join private.applications a on a.reference = s.prefix || '-' || lpad(s.n::text, 3, '0');

-- Panels: in each round four community members and four councillors (from several parties),
-- a chair, and a clerk: ten people. The chair has a seat of their own and scores too: in the
-- Innovation and Sustainability rounds Margaret Ashby, a carer, in a community seat; in the
-- youth round Cllr Joanne Whitaker in a councillor seat. The clerk supports the panel without a
-- seat. Results count community and councillor seats equally however many sit in each.
insert into private.panel_members (round_id, person_id, role, seat, background, added_at)
select r.id, ('00000000-0000-4000-8000-0000000000' || m.who)::uuid, m.role, m.seat, m.background, r.closes_on - 30
from (values
  ('INN26', '04', 'chair', 'community', 'Carer'),
  ('INN26', '06', 'member', 'community', 'Person who uses services'),
  ('INN26', '07', 'member', 'community', 'Support worker'),
  ('INN26', '10', 'member', 'community', 'Carer'),
  ('INN26', '26', 'member', 'community', 'Person who uses services'),
  ('INN26', '08', 'member', 'councillor', 'Liberal Democrat'),
  ('INN26', '11', 'member', 'councillor', 'Conservative'),
  ('INN26', '12', 'member', 'councillor', 'Labour'),
  ('INN26', '13', 'member', 'councillor', 'Green'),
  ('INN26', '05', 'clerk', null, 'Democratic services'),

  ('SUS26', '04', 'chair', 'community', 'Carer'),
  ('SUS26', '14', 'member', 'community', 'Person who uses a day service'),
  ('SUS26', '15', 'member', 'community', 'Support worker'),
  ('SUS26', '16', 'member', 'community', 'Carer'),
  ('SUS26', '27', 'member', 'community', 'Person who uses a day service'),
  ('SUS26', '11', 'member', 'councillor', 'Conservative'),
  ('SUS26', '12', 'member', 'councillor', 'Labour'),
  ('SUS26', '17', 'member', 'councillor', 'Independent'),
  ('SUS26', '18', 'member', 'councillor', 'Liberal Democrat'),
  ('SUS26', '05', 'clerk', null, 'Democratic services'),

  ('YOF26', '19', 'member', 'community', 'Young person'),
  ('YOF26', '20', 'member', 'community', 'Young person'),
  ('YOF26', '21', 'member', 'community', 'Young carer'),
  ('YOF26', '22', 'member', 'community', 'Young person'),
  ('YOF26', '23', 'chair', 'councillor', 'Conservative'),
  ('YOF26', '13', 'member', 'councillor', 'Green'),
  ('YOF26', '24', 'member', 'councillor', 'Labour'),
  ('YOF26', '17', 'member', 'councillor', 'Independent'),
  ('YOF26', '18', 'member', 'councillor', 'Liberal Democrat'),
  ('YOF26', '05', 'clerk', null, 'Democratic services')
) as m (prefix, who, role, seat, background)
join private.rounds r on r.reference_prefix = m.prefix;

-- Everyone has accepted the confidentiality agreement except Lucy Brennan (member2), who has
-- just joined the Innovation Fund panel.
insert into private.confidentiality_acceptances (member_id, round_id, agreement_sha256, accepted_at)
select m.id, m.round_id, encode(extensions.digest(r.agreement_text, 'sha256'), 'hex'), r.closes_on + 12
from private.panel_members m join private.rounds r on r.id = m.round_id
where m.person_id <> '00000000-0000-4000-8000-000000000007';

-- Who has got how far. In the decided and panel rounds everyone declared and submitted
-- everything; in the Innovation Fund round (still scoring) each member is somewhere different:
-- declared: applications they have said they have no conflict with; submitted: scored and
-- submitted; draft_all / draft_part: every criterion, or the first three, saved as a draft.
create temporary table seed_plan (prefix text, who text, declared int[], submitted int[], draft_all int[], draft_part int[]);
insert into seed_plan values
  ('INN26', '06', '{1,2,3,4,5,6,7,8,9}', '{1,2,3,4,5}', '{7}', '{6}'),
  ('INN26', '04', '{1,2,3,4,5,6,7,8,9,10,11,12}', '{1,2,3,4,5,6,7,8}', '{}', '{9}'),
  ('INN26', '10', '{1,2,3,4,5,6,7,8,9,10,11,12}', '{1,2,3,4,5,6,7,8,9,10,11,12}', '{}', '{}'),
  ('INN26', '26', '{1,2,3,4,5,6,7,8,9,10,11,12}', '{1,2,3,4,5,6,7,8,9,10}', '{11}', '{}'),
  ('INN26', '08', '{1,2,3,4,5,6,7,8,9,10,11,12}', '{1,2,3,4}', '{5}', '{}'),
  ('INN26', '11', '{1,2,3,4,5,6,7,8,9,10,11,12}', '{1,2,3,4,5,6,7,8,9,10,11,12}', '{}', '{}'),
  ('INN26', '12', '{1,2,3,4,5,6}', '{1,2,3}', '{}', '{}'),
  ('INN26', '13', '{}', '{}', '{}', '{}');
insert into seed_plan
select r.reference_prefix, right(m.person_id::text, 2), array(select generate_series(1, 12)), array(select generate_series(1, 12)), '{}', '{}'
from private.panel_members m join private.rounds r on r.id = m.round_id
where r.reference_prefix in ('SUS26', 'YOF26') and m.seat is not null;
-- The clerk of those two rounds declared no conflict with any application, as the chair and
-- clerk must before recording a recommendation; the clerk does not score.
insert into seed_plan
select r.reference_prefix, right(m.person_id::text, 2), array(select generate_series(1, 12)), '{}', '{}', '{}'
from private.panel_members m join private.rounds r on r.id = m.round_id
where r.reference_prefix in ('SUS26', 'YOF26') and m.role = 'clerk';

-- The conflicts of interest, one in each round.
create temporary table seed_conflict (prefix text, who text, n int, reason text);
insert into seed_conflict values
  ('INN26', '06', 10, 'I volunteer at the community kitchen every Wednesday.'),
  ('SUS26', '15', 7, 'I worked at the farm as a support worker until last year.'),
  ('YOF26', '24', 6, 'A member of my family is a director of the company.');

-- One row for each member and application of the plan, with what was done.
create temporary table seed_work as
select m.id as member_id, m.round_id, m.person_id, m.seat, a.id as application_id, a.reference, s.quality, s.seat_bias,
       s.n = any (p.declared) and c.who is null as no_conflict,
       c.reason as conflict_reason,
       case when s.n = any (p.submitted) or s.n = any (p.draft_all) then 99 when s.n = any (p.draft_part) then 3 else 0 end as criteria_scored,
       s.n = any (p.submitted) and c.who is null as submitted
from seed_plan p
join private.rounds r on r.reference_prefix = p.prefix
join private.panel_members m on m.round_id = r.id and m.person_id = ('00000000-0000-4000-8000-0000000000' || p.who)::uuid
join seed_application s on s.prefix = p.prefix
join private.applications a on a.reference = s.prefix || '-' || lpad(s.n::text, 3, '0')
left join seed_conflict c on c.prefix = p.prefix and c.who = p.who and c.n = s.n;

insert into private.conflict_declarations (member_id, application_id, round_id, has_conflict, reason, declared_at)
select w.member_id, w.application_id, w.round_id, w.conflict_reason is not null, w.conflict_reason, r.closes_on + 14
from seed_work w join private.rounds r on r.id = w.round_id
where w.no_conflict or w.conflict_reason is not null;

-- Scores: the application's quality, nudged by seat where the seat_bias says so, and a little
-- disagreement between members (from a hash, so every run gives the same numbers).
insert into private.scores (application_id, member_id, criterion_id, round_id, score, comment, updated_at)
select w.application_id, w.member_id, c.id, w.round_id,
       least(c.maximum, greatest(0, round(least(1, greatest(0, w.quality + case when w.seat = 'community' then w.seat_bias else -w.seat_bias end))
                                          * c.maximum)::int
                                    + (array[-1, 0, 0, 1])[get_byte(decode(md5(w.reference || w.person_id::text || c.position), 'hex'), 0) % 4 + 1])),
       case when w.person_id = '00000000-0000-4000-8000-000000000006' and c.position = 3
            then 'The plan for after the grant depends on volunteers staying. I would like to hear more at the panel.' end,
       r.closes_on + 20
from seed_work w
join private.criteria c on c.round_id = w.round_id and c.position <= w.criteria_scored
join private.rounds r on r.id = w.round_id
where w.no_conflict;

insert into private.score_submissions (application_id, member_id, round_id, submitted_at)
select w.application_id, w.member_id, w.round_id, r.closes_on + 21 + (get_byte(decode(md5(w.reference || w.member_id::text), 'hex'), 0) % 14)
from seed_work w join private.rounds r on r.id = w.round_id
where w.submitted;

-- The reopened score: Sam Okoro (member@) submitted INN26-002, then asked to change it; the
-- chair agreed, and Sam changed one score, so it is a draft again.
update private.score_submissions s
set reopen_requested_at = s.submitted_at + interval '2 days',
    reopen_request_reason = 'I mixed up my scores for need and for the budget. I would like to correct them.'
from private.applications a, private.panel_members m
where a.id = s.application_id and a.reference = 'INN26-002'
  and m.id = s.member_id and m.person_id = '00000000-0000-4000-8000-000000000006';

update private.score_submissions s
set submitted_at = null, reopened_at = s.reopen_requested_at + interval '1 day', reopen_requested_at = null,
    reopened_by = '00000000-0000-4000-8000-000000000004', reopen_count = s.reopen_count + 1
from private.applications a, private.panel_members m
where a.id = s.application_id and a.reference = 'INN26-002'
  and m.id = s.member_id and m.person_id = '00000000-0000-4000-8000-000000000006';

update private.scores x
set score = case when x.score >= 3 then x.score - 1 else x.score + 1 end, updated_at = now()
from private.applications a, private.panel_members m, private.criteria c
where a.id = x.application_id and a.reference = 'INN26-002' and c.id = x.criterion_id and c.position = 5
  and m.id = x.member_id and m.person_id = '00000000-0000-4000-8000-000000000006';

-- A request waiting for the chair: Ray Dunmore wants to look again at INN26-005.
update private.score_submissions s
set reopen_requested_at = now() - interval '1 day',
    reopen_request_reason = 'I missed the second page of the budget when I scored it.'
from private.applications a, private.panel_members m
where a.id = s.application_id and a.reference = 'INN26-005'
  and m.id = s.member_id and m.person_id = '00000000-0000-4000-8000-000000000010';

-- Sustainability Fund: scoring has closed and the panel is meeting. Votes so far on the first
-- two applications, and the first recommendation recorded by the clerk.
update private.rounds set state = 'panel', state_changed_at = '2026-11-14 09:00:00+00', updated_at = now()
where reference_prefix = 'SUS26';

insert into private.panel_votes (application_id, member_id, round_id, vote, cast_at)
select w.application_id, w.member_id, w.round_id,
       case when w.reference = 'SUS26-002' and w.seat = 'councillor' and right(w.person_id::text, 2) in ('17', '18') then 'award_with_conditions' else 'award' end,
       '2026-11-26 10:30:00+00'
from seed_work w
where w.reference in ('SUS26-001', 'SUS26-002') and w.submitted;

insert into private.recommendations (application_id, round_id, outcome, amount, reasons, how_agreed, vote_tally, recorded_by, recorded_at)
select a.id, a.round_id, 'award', 38000,
       'A well-used service that people value. The café plan is realistic and the panel liked that members will help run it.',
       'consensus', (select jsonb_object_agg(t.vote, t.n) from (select v.vote, count(*) as n from private.panel_votes v
                                                                where v.application_id = a.id group by v.vote) t),
       '00000000-0000-4000-8000-000000000005', '2026-11-26 10:45:00+00'
from private.applications a where a.reference = 'SUS26-001';

-- Youth Opportunities Fund: the panel met in June; its recommendations went through five
-- review meetings; Cabinet decided in October.
update private.rounds set state = 'panel', state_changed_at = '2026-06-08 09:00:00+00', updated_at = now()
where reference_prefix = 'YOF26';

create temporary table seed_recommendation (n int, outcome text, amount numeric, conditions text, reasons text, how_agreed text);
insert into seed_recommendation values
  (1, 'award', 96000, null, 'Young people asked for this and will run the festival. A strong, well-costed plan.', 'consensus'),
  (2, 'award_with_conditions', 100000, 'The first payment is made once the lease for the indoor space is signed.',
   'Good reach across the city and real chances for young coaches. The indoor space is not yet secured, so the panel recommends a lower amount with a condition.', 'majority vote'),
  (3, 'award', 88000, null, 'The highest-scoring application. Young carers planned it, and schools are already signed up.', 'consensus'),
  (4, 'award', 64000, null, 'Free places reach young people who could not otherwise take part, and the youth board gives them a real say.', 'consensus'),
  (5, 'not_award', null, null, 'A good idea, but without premises the project cannot start. The panel encourages the group to apply again once it has a site.', 'majority vote'),
  (6, 'award', 58000, null, 'Young people choose the café team and share the profits back into the project. Good value.', 'consensus'),
  (7, 'award', 45000, null, 'Meets a clear local need, planned by members, with a good safeguarding record.', 'consensus'),
  (8, 'award_with_conditions', 120000, 'The routes are agreed with young people in the villages before the bus starts, and use is reported after six months.',
   'Reaches young people in villages with no evening buses. The panel wants young people to choose the routes.', 'majority vote'),
  (9, 'not_award', null, null, 'Young people were not involved in planning it, and most places would go to young people who already have these chances.', 'consensus'),
  (10, 'award', 135000, null, 'Young people asked for peer support, and the supervision plan is safe and strong.', 'consensus');

insert into private.panel_votes (application_id, member_id, round_id, vote, cast_at)
select w.application_id, w.member_id, w.round_id,
       case when x.how_agreed = 'majority vote' and right(w.person_id::text, 2) in ('13', '22')
            then case when x.outcome = 'not_award' then 'award' else 'not_award' end
            else x.outcome end,
       '2026-06-12 11:00:00+00'
from seed_work w
join private.applications a on a.id = w.application_id
join seed_recommendation x on a.reference = 'YOF26-' || lpad(x.n::text, 3, '0')
where w.submitted;

insert into private.recommendations (application_id, round_id, outcome, amount, conditions, reasons, how_agreed, vote_tally, recorded_by, recorded_at)
select a.id, a.round_id, x.outcome, x.amount, x.conditions, x.reasons, x.how_agreed,
       (select jsonb_object_agg(t.vote, t.n) from (select v.vote, count(*) as n from private.panel_votes v
                                                   where v.application_id = a.id group by v.vote) t),
       '00000000-0000-4000-8000-000000000005', '2026-06-12 15:00:00+00'
from seed_recommendation x join private.applications a on a.reference = 'YOF26-' || lpad(x.n::text, 3, '0');

update private.rounds set state = 'recommended', state_changed_at = '2026-06-15 09:00:00+00', updated_at = now()
where reference_prefix = 'YOF26';

-- Councillors on the review path for the youth round.
insert into private.reviewers (round_id, person_id, added_at)
select r.id, p.id, '2026-06-15 10:00:00+00'
from private.rounds r, private.people p
where r.reference_prefix = 'YOF26'
  and p.id in ('00000000-0000-4000-8000-000000000008', '00000000-0000-4000-8000-000000000011', '00000000-0000-4000-8000-000000000025');

insert into private.review_meetings (round_id, title, meeting_date, notes, created_by, created_at)
select r.id, m.title, m.meeting_date, m.notes, '00000000-0000-4000-8000-000000000002', m.meeting_date
from private.rounds r, (values
  ('Cross-party working group on youth services', date '2026-07-14', 'The group read all ten recommendations and asked about the conditions for the skate project.'),
  ('Young people''s reference group', date '2026-07-22', 'Young people from the panel explained how they scored. The group supported the recommendations.'),
  ('Children and young people scrutiny briefing', date '2026-09-03', 'Members asked how the two-year budget is split between the years.'),
  ('Political group leaders'' meeting', date '2026-09-17', 'No changes proposed.'),
  ('Cabinet member briefing', date '2026-10-06', 'The Cabinet member agreed to take the recommendations to Cabinet unchanged.')
) as m (title, meeting_date, notes)
where r.reference_prefix = 'YOF26';

insert into private.review_comments (application_id, round_id, meeting_id, person_id, comment, created_at)
select a.id, a.round_id, mt.id, c.person_id::uuid, c.comment, mt.meeting_date
from (values
  ('YOF26-005', 'Cross-party working group on youth services', '00000000-0000-4000-8000-000000000008',
   'I agree with the panel. The council''s property team may be able to help the group find a workshop; I will ask.'),
  ('YOF26-002', 'Political group leaders'' meeting', '00000000-0000-4000-8000-000000000011',
   'The condition about the lease is sensible. Please make sure the group knows the deadline.'),
  ('YOF26-008', 'Cabinet member briefing', '00000000-0000-4000-8000-000000000025',
   'Strongly support. Young people in the villages told us about this at the youth summit.')
) as c (reference, meeting, person_id, comment)
join private.applications a on a.reference = c.reference
join private.review_meetings mt on mt.round_id = a.round_id and mt.title = c.meeting;

insert into private.cabinet_decisions (application_id, round_id, decision, amount, conditions, decided_on, minute_reference, recorded_by, recorded_at)
select a.id, a.round_id, case when x.outcome = 'not_award' then 'not_award' else 'award' end, x.amount, x.conditions,
       '2026-10-20', 'Cabinet 20 October 2026, minute 112/26', '00000000-0000-4000-8000-000000000002', '2026-10-21 09:00:00+00'
from seed_recommendation x join private.applications a on a.reference = 'YOF26-' || lpad(x.n::text, 3, '0');

update private.rounds set state = 'decided', state_changed_at = '2026-10-21 09:00:00+00', updated_at = now()
where reference_prefix = 'YOF26';

-- Who read what: packs Sam opened, an officer checking contact details, the clerk's export for
-- Cabinet and a councillor reading the recommendations.
insert into private.read_records (at, person_id, kind, what, round_id, application_id)
select now() - interval '3 days' + (w.reference_n || ' minutes')::interval, '00000000-0000-4000-8000-000000000006', 'read',
       'application pack', a.round_id, a.id
from private.applications a cross join lateral (select right(a.reference, 3)::int as reference_n) as w
where a.reference in ('INN26-001', 'INN26-002', 'INN26-003', 'INN26-004', 'INN26-005', 'INN26-006', 'INN26-007');

insert into private.read_records (at, person_id, kind, what, round_id, application_id)
select now() - interval '20 days', '00000000-0000-4000-8000-000000000002', 'read', 'application with contact details', a.round_id, a.id
from private.applications a where a.reference = 'INN26-003';

insert into private.read_records (at, person_id, kind, what, round_id)
select '2026-06-12 16:00:00+00', '00000000-0000-4000-8000-000000000005', 'export', 'round report', r.id
from private.rounds r where r.reference_prefix = 'YOF26';

insert into private.read_records (at, person_id, kind, what, round_id)
select '2026-07-10 18:30:00+00', '00000000-0000-4000-8000-000000000008', 'read', 'recommendations', r.id
from private.rounds r where r.reference_prefix = 'YOF26';

drop table seed_recommendation, seed_work, seed_conflict, seed_plan, seed_application;

-- Later changes in this session are no longer the seed's.
select set_config('app.acting_as', '', false), set_config('app.audit_details', '', false);
