-- Co-production Tree demo data: leaves like the ones people put on the tree at the festival (a
-- board member's idea), written in our own words from the evaluation report in the seeds. Three
-- are approved and on the tree; two wait in the officers' moderation queue. Loaded after
-- seeds/pb.sql (config.toml [db.seed] sql_paths), as the seed's, so the audit triggers record each.

select set_config('app.acting_as', 'seed', false),
       set_config('app.audit_details', '{"source": "supabase/seeds/tree.sql"}', false);

insert into private.tree_leaves (id, what, who, what_changed, name, status, created_at, decided_at, decided_by) values
('00000000-0000-4000-a700-000000000001', 'The dementia bus came to the co-production festival',
 'A Co-production Board member living with dementia, the board and the Co-production Team',
 'People at the festival found out what it can feel like to live with dementia.', 'Pat', 'approved',
 '2026-07-10T11:00:00Z', '2026-07-11T09:00:00Z', '00000000-0000-4000-8000-000000000002'),
('00000000-0000-4000-a700-000000000002', 'We call it "working together through co-production" now',
 'A board member who asked what the word meant, and the whole board',
 'People understand what we do before they join, without a hard word in the way.', null, 'approved',
 '2026-07-10T11:20:00Z', '2026-07-11T09:05:00Z', '00000000-0000-4000-8000-000000000002'),
('00000000-0000-4000-a700-000000000003', 'Planning the event for the older people''s strategy',
 'Three co-production champions, the Co-production Team and the strategy lead',
 'What older people said at the event went into the final strategy for the Health and Wellbeing Board.', 'Jo', 'approved',
 '2026-07-10T12:05:00Z', '2026-07-11T09:10:00Z', '00000000-0000-4000-8000-000000000002'),
('00000000-0000-4000-a700-000000000004', 'Carers helped write the letter about respite breaks',
 'Family carers and the short breaks team',
 'The letter is one page now and says who to ring.', 'Amrit', 'waiting',
 '2026-12-01T15:30:00Z', null, null),
('00000000-0000-4000-a700-000000000005', 'Our champions group meets with the board every month',
 null,
 'Each group knows what the other is doing, so we do not do the same work twice.', null, 'waiting',
 '2026-12-02T10:15:00Z', null, null);

select set_config('app.acting_as', '', false), set_config('app.audit_details', '', false);
