-- Festival demo bookings for the 2027 festival (loaded after seed.sql and seeds/pb.sql, see
-- config.toml [db.seed] sql_paths). Every name and address is invented. The dementia bus is full,
-- so booking it puts you on its waiting list. One booking's link has a published demo token (in
-- the README), so anyone can try changing or cancelling a booking, and see its place go to the
-- first person waiting:
--   /festival/booking/?token=feedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeed

select set_config('app.acting_as', 'seed', false),
       set_config('app.audit_details', '{"source": "supabase/seeds/festival.sql"}', false);

insert into private.festival_bookings (id, edition, reference, name, email, places)
values
  ('00000000-0000-4000-8000-000000000701', '2027-festival', 'DEMO-0001', 'Priya Shah', 'priya.shah@example.org', 1),
  ('00000000-0000-4000-8000-000000000702', '2027-festival', 'DEMO-0002', 'Tom Walker', 'tom.walker@example.org', 2),
  ('00000000-0000-4000-8000-000000000703', '2027-festival', 'DEMO-0003', 'Mary O''Brien', 'mary.obrien@example.org', 1),
  ('00000000-0000-4000-8000-000000000704', '2027-festival', 'DEMO-0004', 'Kwame Mensah', 'kwame.mensah@example.org', 1),
  ('00000000-0000-4000-8000-000000000705', '2027-festival', 'DEMO-0005', 'Lucy Green', 'lucy.green@example.org', 2),
  ('00000000-0000-4000-8000-000000000706', '2027-festival', 'DEMO-0006', 'Ravi Kumar', 'ravi.kumar@example.org', 1);

insert into private.festival_access_needs (booking_id, needs, interpreter, dietary, other)
values
  ('00000000-0000-4000-8000-000000000701', '{}', null, null, null),
  ('00000000-0000-4000-8000-000000000702', '{carer_place,step_free}', null, null, 'I use a wheelchair and need a space at the end of a row.'),
  ('00000000-0000-4000-8000-000000000703', '{hearing_loop,easy_read}', null, null, null),
  ('00000000-0000-4000-8000-000000000704', '{interpreter}', 'British Sign Language', null, null),
  ('00000000-0000-4000-8000-000000000705', '{carer_place,quiet_space,dietary}', null, 'Soft food only', null),
  ('00000000-0000-4000-8000-000000000706', '{dietary}', null, 'Vegetarian', null);

-- The bus's 8 places: bookings with a carer take two.
insert into private.festival_places (booking_id, session_id, status)
select b.id::uuid, s.id, 'booked'
from (values ('00000000-0000-4000-8000-000000000701', 'welcome'), ('00000000-0000-4000-8000-000000000701', 'the-dementia-bus'),
             ('00000000-0000-4000-8000-000000000702', 'welcome'), ('00000000-0000-4000-8000-000000000702', 'the-dementia-bus'),
             ('00000000-0000-4000-8000-000000000702', 'lunch'),
             ('00000000-0000-4000-8000-000000000703', 'the-dementia-bus'), ('00000000-0000-4000-8000-000000000703', 'lunch'),
             ('00000000-0000-4000-8000-000000000704', 'deciding-on-grants-together'), ('00000000-0000-4000-8000-000000000704', 'the-dementia-bus'),
             ('00000000-0000-4000-8000-000000000705', 'the-dementia-bus'), ('00000000-0000-4000-8000-000000000705', 'quiet-time'),
             ('00000000-0000-4000-8000-000000000706', 'the-dementia-bus'), ('00000000-0000-4000-8000-000000000706', 'participatory-budgeting'),
             ('00000000-0000-4000-8000-000000000706', 'lunch')) as b (id, session)
join private.festival_sessions s on s.edition = '2027-festival' and s.key = b.session;

insert into private.festival_booking_tokens (token_hash, booking_id)
values (private.festival_hash('feedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeed'), '00000000-0000-4000-8000-000000000701');

select set_config('app.acting_as', '', false), set_config('app.audit_details', '', false);
