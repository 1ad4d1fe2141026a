-- Participatory budgeting, part 5: counting and results. The count itself runs outside the
-- database, in the Edge Function supabase/functions/pb-count/ (the same engine as
-- `npm run pb -- count`): an officer starts it, the function reads the ballot file with the
-- service role, counts, and stores the result with the sha256 of the file it counted. Once the
-- result is published (api.pb_move_phase to results) anyone may read it and download the very
-- file that was counted, to recount it themselves. Refusal keys and their screen words are in
-- src/lib/refusals/pb-results.ts.

/** Section - The ballot file */

-- A cell as writePb (src/lib/pb/pabulib/write.ts) writes it: in quotes when it is empty, holds
-- ';', '"' or a line break, or starts or ends with what JavaScript's trim() removes; otherwise as
-- it is. Matching writePb byte for byte is what makes the file's sha256 reproducible by anyone
-- who reads it and writes it back with the engine (tests/db/pb/results.test.ts checks this).
create function private.pb_cell(p_value text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when p_value = ''
      or p_value ~ '[;"\r\n]'
      or p_value ~ '^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]'
      or p_value ~ '[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]$'
    then '"' || replace(p_value, '"', '""') || '"'
    else p_value
  end
$$;

-- An item of a comma-separated list cell (a category): a .pb list cannot hold a comma, and the
-- reader trims each item, so commas go and the ends are trimmed. Empty means no item.
create function private.pb_list_item(p_value text)
returns text
language sql
immutable
set search_path = ''
as $$
  select nullif(regexp_replace(replace(p_value, ',', ''),
    '^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$',
    '', 'g'), '')
$$;

-- The command line that recounts the file with the process's rule and options, written into
-- the file's META so that whoever downloads it knows exactly how to get the same winners.
create function private.pb_recount_command(p_rule text, p_options jsonb)
returns text
language sql
immutable
set search_path = ''
as $$
  select concat_ws(' ', 'npm run pb -- count <this file> --rule', p_rule,
    case when p_rule = 'equal-shares' and p_options ? 'completion' then '--completion ' || (p_options ->> 'completion') end,
    case when p_rule = 'equal-shares' and (p_options ->> 'exhaustiveStop') = 'false' then '--no-exhaustive-stop' end,
    case when p_rule = 'equal-shares' and p_options ? 'addOneStep' then '--step ' || (p_options ->> 'addOneStep') end,
    case when p_rule = 'equal-shares' and (p_options ->> 'compareWithGreedy') = 'true' then '--compare' end,
    case when p_options ? 'seed' then '--seed ' || (p_options ->> 'seed') end,
    case when p_options ? 'minVotes' then '--min-votes ' || (p_options ->> 'minVotes') end,
    case when p_options ? 'minShareK' then '--min-share-k ' || (p_options ->> 'minShareK') end)
$$;

-- THE ballot file of a process: the pabulib .pb text of its shortlist and every ballot (online
-- and paper), as counted and as published. It holds no personal data: projects are named by
-- their proposal number, voters by the random pb_ballots.public_id, in public_id order (so the
-- order says nothing about who voted when). The same ballots always give the same bytes, so
-- the sha256 stored with a result proves which ballots it counted.
--   META:     description (title), country, unit (area), instance (slug), num_projects,
--             num_votes, budget, vote_type approval, rule, then currency, min_length,
--             max_length (if set), max_sum_cost (the budget a ballot must fit) and recount;
--   PROJECTS: project_id (proposal number), cost (checked cost), name (title), category, district
--             (ward), the last two only when some project has one;
--   VOTES:    voter_id (public_id), vote (project ids in number order).
create function private.pb_ballot_file(p_process_id uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
-- Grouping a million choices by ballot: sorted in memory rather than on disk.
set work_mem = '64MB'
as $$
declare
  v private.pb_processes;
  v_projects text;
  v_votes text;
  v_num_projects int;
  v_num_votes int;
  v_has_category boolean;
  v_has_ward boolean;
  v_rule text;
begin
  select * into v from private.pb_processes p where p.id = p_process_id;
  if v.id is null then
    return null;
  end if;
  select bool_or(private.pb_list_item(c.name) is not null), bool_or(p.ward_id is not null)
    into v_has_category, v_has_ward
  from private.pb_proposals p left join private.pb_categories c on c.id = p.category_id
  where p.process_id = v.id and p.status = 'shortlisted';
  select count(*), string_agg(concat_ws(';', p.number::text, trim_scale(p.checked_cost)::text, private.pb_cell(p.title),
           case when v_has_category then coalesce(private.pb_cell(private.pb_list_item(c.name)), '') end,
           case when v_has_ward then coalesce(private.pb_cell(w.name), '') end), E'\n' order by p.number)
    into v_num_projects, v_projects
  from private.pb_proposals p
  left join private.pb_categories c on c.id = p.category_id
  left join private.pb_wards w on w.id = p.ward_id
  where p.process_id = v.id and p.status = 'shortlisted';
  -- The shortlist is fixed once voting opens, so every chosen project is on it; a project that
  -- is not (it could only have left the shortlist by hand) is left out of the vote rather than
  -- making a file that cannot be read.
  -- One join of every choice with the shortlist, then one string per ballot: on PostgreSQL this
  -- measured 3 times faster than a lookup per ballot (which PGlite runs a little faster).
  with shortlist as (
    select p.id, p.number from private.pb_proposals p where p.process_id = v.id and p.status = 'shortlisted'
  ), votes as (
    select b.public_id, string_agg(s.number::text, ',' order by s.number) as vote
    from private.pb_ballots b
    left join lateral unnest(b.proposal_ids) as u (id) on true
    left join shortlist s on s.id = u.id
    where b.process_id = v.id
    group by b.id
  )
  select count(*), string_agg(x.public_id || ';' || coalesce(x.vote, '""'), E'\n' order by x.public_id collate "C")
    into v_num_votes, v_votes
  from votes x;
  v_rule := case when v.rule = 'greedy' then 'greedy'
                 else 'equalshares' || coalesce('/' || nullif(coalesce(v.rule_options ->> 'completion', 'add1u'), 'none'), '') end;
  return concat_ws(E'\n',
    'META',
    'key;value',
    'description;' || private.pb_cell(v.title),
    'country;United Kingdom',
    'unit;' || private.pb_cell(v.area),
    'instance;' || v.slug,
    'num_projects;' || v_num_projects,
    'num_votes;' || v_num_votes,
    'budget;' || trim_scale(v.budget)::text,
    'vote_type;approval',
    'rule;' || v_rule,
    'currency;' || v.currency,
    'min_length;' || v.min_projects,
    'max_length;' || v.max_projects,
    'max_sum_cost;' || trim_scale(v.budget)::text,
    'recount;' || private.pb_cell(private.pb_recount_command(v.rule, v.rule_options)),
    'PROJECTS',
    concat_ws(';', 'project_id', 'cost', 'name', case when v_has_category then 'category' end, case when v_has_ward then 'district' end),
    v_projects,
    'VOTES',
    'voter_id;vote',
    v_votes) || E'\n';
end
$$;

-- The hex sha256 of a ballot file's UTF-8 bytes, as `sha256sum` and crypto.subtle give it.
create function private.pb_sha256(p_text text)
returns text
language sql
immutable
set search_path = ''
as $$
  select encode(extensions.digest(convert_to(p_text, 'UTF8'), 'sha256'), 'hex')
$$;

-- A fingerprint of everything the ballot file is made of: the process row, its proposals (ids,
-- numbers, status, checked costs, titles, category and ward names) and its ballots (how many,
-- and an order-free sum of a 64-bit hash of each one's public id and choices). One statement,
-- so one snapshot. It changes whenever the file could; it costs a scan of the ballots rather
-- than building and hashing 100,000 lines again. Any change to the process row counts, even
-- one that leaves the file as it was: a count refused for nothing is run again, never wrong.
create function private.pb_count_fingerprint(p_process_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select concat_ws(':',
    (select md5(p::text) from private.pb_processes p where p.id = p_process_id),
    (select md5(coalesce(string_agg(row(p.id, p.number, p.status, p.checked_cost, p.title, c.name, w.name)::text, E'\n' order by p.id), ''))
     from private.pb_proposals p
     left join private.pb_categories c on c.id = p.category_id
     left join private.pb_wards w on w.id = p.ward_id
     where p.process_id = p_process_id),
    (select count(*)::text || ':' || coalesce(sum(hashtextextended(b.public_id || '=' || b.proposal_ids::text, 0)::numeric), 0)::text
     from private.pb_ballots b where b.process_id = p_process_id))
$$;

-- What the result screens need beside the engine's result: each project id of the file with
-- its proposal (id, number, title, ward, category), so winners can be shown by name and linked.
create function private.pb_result_projects(p_process_id uuid, p_result jsonb)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'project_id', p.number::text, 'proposal_id', p.id, 'number', p.number, 'title', p.title,
      'cost', p.checked_cost, 'ward', w.name, 'category', c.name) order by p.number), '[]'::jsonb)
  from private.pb_proposals p
  left join private.pb_wards w on w.id = p.ward_id
  left join private.pb_categories c on c.id = p.category_id
  where p.process_id = p_process_id
    and p.number::text in (select e ->> 'projectId' from jsonb_array_elements(p_result -> 'projects') as e)
$$;

/** Section - Counting */

-- An officer starts the count (from the Edge Function, with the officer's own token): this is
-- where "only the process's officers, only while counting" is decided, and where the start is
-- recorded. Returns what the function needs to go on: who counts, and how.
create function api.pb_start_count(p_process_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'count the votes');
  v_ballots int;
begin
  perform private.pb_require_phase(v, array['counting']::private.pb_phase[],
    'The votes can be counted once voting has closed and the process has moved to counting.');
  select count(*) into v_ballots from private.pb_ballots b where b.process_id = v.id;
  if v_ballots = 0 then
    perform private.refuse('PT409', 'no_ballots', 'There are no ballots to count yet.');
  end if;
  -- Counting hands every ballot to the Edge Function: recorded as an export by this officer
  -- (a read record, so it is an audit event too).
  insert into private.read_records (person_id, kind, what, details)
  values (private.caller(), 'export', 'pb_count', jsonb_build_object('process_id', v.id, 'ballots', v_ballots, 'rule', v.rule));
  return jsonb_build_object('process_id', v.id, 'counted_by', private.caller(), 'ballots', v_ballots,
    'rule', v.rule, 'rule_options', v.rule_options);
end
$$;
select private.grant_api(array['pb_start_count'], array['anon', 'authenticated', 'service_role']);

-- The count's input, for the Edge Function's service role only: the process's rule and options,
-- its budget, and the ballot file with its sha256, both made here so that what is counted and
-- what is stored are the database's own bytes. The file is kept (private.pb_count_files) for
-- api.pb_store_result with the fingerprint of what it was made of, taken first: a change that
-- commits between the two statements is then in the file but not the fingerprint, so the
-- store refuses it, as it refuses any change after.
create function api.pb_count_input(p_process_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes;
  v_inputs text;
  v_file text;
  v_sha text;
begin
  select * into v from private.pb_processes p where p.id = p_process_id;
  if v.id is null then
    perform private.refuse('PT404', 'process_not_found', 'We could not find that budgeting process.', 'process_id');
  end if;
  perform private.pb_require_phase(v, array['counting']::private.pb_phase[], 'Only a process being counted has ballots to count.');
  v_inputs := private.pb_count_fingerprint(v.id);
  v_file := private.pb_ballot_file(v.id);
  v_sha := private.pb_sha256(v_file);
  insert into private.pb_count_files (process_id, ballot_file, sha256, inputs) values (v.id, v_file, v_sha, v_inputs)
  on conflict (process_id) do update set ballot_file = excluded.ballot_file, sha256 = excluded.sha256, inputs = excluded.inputs, made_at = now();
  return jsonb_build_object('process_id', v.id, 'rule', v.rule, 'rule_options', v.rule_options, 'budget', v.budget,
    'currency', v.currency, 'ballots', (select count(*) from private.pb_ballots b where b.process_id = v.id),
    'ballot_file', v_file, 'sha256', v_sha);
end
$$;
select private.grant_api(array['pb_count_input'], array['service_role']);

-- The Edge Function stores what it counted. Under the process's row lock (paper ballots take the
-- same lock), the file kept by api.pb_count_input must be the one whose sha256 was counted and
-- what it was made of unchanged (its fingerprint); otherwise a ballot came in or changed since,
-- or another count read a newer file, and the count must be run again. The stored file is that
-- kept one, the database's own bytes, so the published file is exactly the counted one.
create function api.pb_store_result(p_process_id uuid, p_sha256 text, p_result jsonb, p_counted_by uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes;
  v_file text;
  v_sha text;
  v_row private.pb_results;
begin
  select * into v from private.pb_processes p where p.id = p_process_id for update;
  if v.id is null then
    perform private.refuse('PT404', 'process_not_found', 'We could not find that budgeting process.', 'process_id');
  end if;
  perform private.pb_require_phase(v, array['counting']::private.pb_phase[], 'A result can be stored only while the process is being counted.');
  if p_sha256 is null or p_sha256 !~ '^[0-9a-f]{64}$' then
    perform private.refuse('P0001', 'bad_sha256', 'Give the sha256 of the ballot file that was counted, as 64 hex digits.', 'sha256');
  end if;
  if p_result is null or jsonb_typeof(p_result) <> 'object' or jsonb_typeof(p_result -> 'winners') is distinct from 'array'
     or jsonb_typeof(p_result -> 'projects') is distinct from 'array' or (p_result ->> 'rule') is distinct from v.rule then
    perform private.refuse('P0001', 'bad_result', 'The result must be the counting engine''s result for this process''s rule.', 'result');
  end if;
  if p_counted_by is null or not exists (select 1 from private.pb_process_officers o where o.process_id = v.id and o.person_id = p_counted_by) then
    perform private.refuse('PT403', 'not_process_officer', 'Only the officers running this process can count the votes.', 'counted_by');
  end if;
  select f.ballot_file, f.sha256 into v_file, v_sha from private.pb_count_files f
  where f.process_id = v.id and f.inputs = private.pb_count_fingerprint(v.id);
  if v_sha is distinct from p_sha256 then
    perform private.refuse('PT409', 'ballots_changed',
      'The ballots changed while they were being counted, so this count is not stored. Count the votes again.',
      null, null, jsonb_build_object('counted', p_sha256));
  end if;
  perform private.set_audit_context('pb_count', jsonb_build_object('counted_by', p_counted_by));
  insert into private.pb_results (process_id, rule, options, ballot_file, ballot_file_sha256, result, ballots, counted_by)
  values (v.id, v.rule, v.rule_options || jsonb_build_object('rule', v.rule), v_file, v_sha, p_result,
          (select count(*) from private.pb_ballots b where b.process_id = v.id), p_counted_by)
  returning * into v_row;
  return jsonb_build_object('result_id', v_row.id, 'process_id', v.id, 'sha256', v_sha, 'ballots', v_row.ballots,
    'counted_at', v_row.counted_at, 'winners', p_result -> 'winners');
end
$$;
select private.grant_api(array['pb_store_result'], array['service_role']);

/** Section - Results */

-- A stored result as the screens show it; the ballot file itself is fetched on its own.
create function private.pb_result_view(p_result private.pb_results)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object('result_id', p_result.id, 'process_id', p_result.process_id, 'rule', p_result.rule,
    'options', p_result.options, 'sha256', p_result.ballot_file_sha256, 'ballots', p_result.ballots,
    'counted_at', p_result.counted_at, 'published_at', p_result.published_at, 'result', p_result.result,
    'projects', private.pb_result_projects(p_result.process_id, p_result.result))
$$;

-- The latest count, for the process's officers to check before publishing it (moving the
-- process to results publishes it). Says who counted; the public result does not.
create function api.pb_latest_result(p_process_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_require_process_officer(p_process_id, 'see the count before it is published');
  v_row private.pb_results;
begin
  select * into v_row from private.pb_results r where r.process_id = v.id order by r.counted_at desc, r.id limit 1;
  if v_row.id is null then
    perform private.refuse('PT404', 'not_counted', 'The votes have not been counted yet.', null, null,
      jsonb_build_object('phase', v.phase));
  end if;
  return private.pb_result_view(v_row) || jsonb_build_object('counted_by',
    jsonb_build_object('id', v_row.counted_by, 'name', private.person_name(v_row.counted_by)));
end
$$;
select private.grant_api(array['pb_latest_result'], array['anon', 'authenticated', 'service_role']);

-- The published result of a process, or 409 (with its phase) while there is none.
create function private.pb_published_result(p_process_id uuid)
returns private.pb_results
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v private.pb_processes := private.pb_visible_process(p_process_id);
  v_row private.pb_results;
begin
  select * into v_row from private.pb_results r where r.process_id = v.id and r.published_at is not null;
  if v_row.id is null then
    perform private.refuse('PT409', 'results_not_published', 'The results of this vote have not been published yet.', null, null,
      jsonb_build_object('phase', v.phase));
  end if;
  return v_row;
end
$$;

-- Anyone: the published result, with the engine's full explanation and the sha256 of the
-- ballot file it counted.
create function api.pb_result(p_process_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select private.pb_result_view(private.pb_published_result(p_process_id))
$$;
select private.grant_api(array['pb_result'], array['anon', 'authenticated', 'service_role']);

-- Anyone: the published ballot file, exactly as counted, with its sha256 and a file name, so
-- anyone can recount it (`npm run pb -- count`, or any pabulib tool).
create function api.pb_published_ballot_file(p_process_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object('process_id', r.process_id, 'file_name', p.slug || '.pb', 'ballot_file', r.ballot_file,
    'sha256', r.ballot_file_sha256, 'ballots', r.ballots, 'published_at', r.published_at)
  from private.pb_published_result(p_process_id) as r
  join private.pb_processes p on p.id = r.process_id
$$;
select private.grant_api(array['pb_published_ballot_file'], array['anon', 'authenticated', 'service_role']);

revoke execute on all functions in schema private from public;
