-- "Check if you can apply": who each seeded fund is for, and its questions. Loaded after seed.sql
-- (config.toml [db.seed] sql_paths). The funds' purposes come from the seeds (the Innovation Fund
-- pays one-off grants for new projects for adults in Oxfordshire that can keep going; the
-- Sustainability Fund keeps daytime support going; the Youth Opportunities Fund is for young
-- people). The amount ranges are invented for the demo.

select set_config('app.acting_as', 'seed', false),
       set_config('app.audit_details', '{"source": "supabase/seeds/grants-eligibility.sql"}', false);

update private.funds f set who_can_apply = w.who
from (values
  ('innovation-fund', 'Voluntary and community groups, charities and social enterprises starting something new for adults in Oxfordshire.'),
  ('sustainability-fund', 'Voluntary and community groups that run daytime support for adults in Oxfordshire and want to keep it going.'),
  ('youth-opportunities-fund', 'Voluntary and community groups running projects with and for young people in Oxfordshire.')
) as w (slug, who)
where f.slug = w.slug;

-- The answers every fund asks about first: what kind of group you are.
create temporary table seed_org_answers (answers jsonb);
insert into seed_org_answers values ('[
  {"answer": "A registered charity or charitable incorporated organisation (CIO)", "ineligible_reason": null},
  {"answer": "A community or voluntary group with a written constitution", "ineligible_reason": null},
  {"answer": "A community interest company or social enterprise", "ineligible_reason": null},
  {"answer": "A company that shares its profits with its owners", "ineligible_reason": "These grants are for groups that put their money back into their work. A company that pays profits to its owners cannot apply."},
  {"answer": "A person applying on my own", "ineligible_reason": "We give these grants to groups, not to individuals. A local group you are part of could apply instead."}
]');

insert into private.eligibility_questions (fund_id, position, question, hint, answers)
select f.id, q.position, q.question, q.hint, q.answers
from (values
  ('innovation-fund', 1, 'What kind of organisation are you?', '', (select answers from seed_org_answers)),
  ('innovation-fund', 2, 'Where will your project happen?', 'Think about where the people who will take part live.', '[
    {"answer": "In Oxfordshire", "ineligible_reason": null},
    {"answer": "Outside Oxfordshire", "ineligible_reason": "The Innovation Fund pays for projects for people in Oxfordshire."}
  ]'::jsonb),
  ('innovation-fund', 3, 'What is the money for?', '', '[
    {"answer": "Starting a new project, or a new way of doing something", "ineligible_reason": null},
    {"answer": "Keeping something we already do going", "ineligible_reason": "The Innovation Fund pays for new things. To keep daytime support going, look at the Sustainability Fund."},
    {"answer": "A project only for children and young people", "ineligible_reason": "The Innovation Fund is for projects for adults. Look at the Youth Opportunities Fund instead."}
  ]'::jsonb),
  ('innovation-fund', 4, 'How much do you want to ask for?', 'This is a one-off grant.', '[
    {"answer": "Less than £500", "ineligible_reason": "The smallest grant is £500. Your local council or a community foundation may give smaller grants."},
    {"answer": "From £500 to £15,000", "ineligible_reason": null},
    {"answer": "More than £15,000", "ineligible_reason": "The largest grant is £15,000. You could ask for part of the cost and find the rest elsewhere."}
  ]'::jsonb),

  ('sustainability-fund', 1, 'What kind of organisation are you?', '', (select answers from seed_org_answers)),
  ('sustainability-fund', 2, 'Where is your service?', '', '[
    {"answer": "In Oxfordshire", "ineligible_reason": null},
    {"answer": "Outside Oxfordshire", "ineligible_reason": "The Sustainability Fund is for daytime support for people in Oxfordshire."}
  ]'::jsonb),
  ('sustainability-fund', 3, 'What is the money for?', '', '[
    {"answer": "Keeping daytime support for adults going, or helping it grow", "ineligible_reason": null},
    {"answer": "Starting something completely new", "ineligible_reason": "The Sustainability Fund helps services that already run. For a new project, look at the Innovation Fund."}
  ]'::jsonb),
  ('sustainability-fund', 4, 'How much do you want to ask for each year?', '', '[
    {"answer": "Less than £1,000", "ineligible_reason": "The smallest grant is £1,000 a year."},
    {"answer": "From £1,000 to £30,000", "ineligible_reason": null},
    {"answer": "More than £30,000", "ineligible_reason": "The largest grant is £30,000 a year."}
  ]'::jsonb),

  ('youth-opportunities-fund', 1, 'What kind of organisation are you?', '', (select answers from seed_org_answers)),
  ('youth-opportunities-fund', 2, 'Where will your project happen?', '', '[
    {"answer": "In Oxfordshire", "ineligible_reason": null},
    {"answer": "Outside Oxfordshire", "ineligible_reason": "The Youth Opportunities Fund pays for projects for young people in Oxfordshire."}
  ]'::jsonb),
  ('youth-opportunities-fund', 3, 'Who is the project for?', '', '[
    {"answer": "Young people, who help shape it", "ineligible_reason": null},
    {"answer": "Adults only", "ineligible_reason": "This fund is for young people. For adults, look at the Innovation Fund or the Sustainability Fund."}
  ]'::jsonb),
  ('youth-opportunities-fund', 4, 'How much do you want to ask for?', '', '[
    {"answer": "Less than £1,000", "ineligible_reason": "The smallest grant is £1,000."},
    {"answer": "From £1,000 to £50,000", "ineligible_reason": null},
    {"answer": "More than £50,000", "ineligible_reason": "The largest grant is £50,000."}
  ]'::jsonb)
) as q (slug, position, question, hint, answers)
join private.funds f on f.slug = q.slug;

drop table seed_org_answers;

select set_config('app.acting_as', '', false), set_config('app.audit_details', '', false);
