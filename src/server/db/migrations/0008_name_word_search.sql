-- Name search that stays inside the region (docs/decisions/007). A pupil's folded name is split
-- into words; a search term matches a region's distinct words (small, trigram-indexed) by substring
-- or word similarity (pg_trgm <%; PGlite cannot run the plain % operator), and the words lead to pupils through a btree on (region_id, word). The trigram
-- posting lists of the distinct words are short, where those of 2.5 M pupils' names were not.
CREATE OR REPLACE FUNCTION rondom_name_words_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM pupil_name_words w USING old_rows o, new_rows n
     WHERE o.region_id = n.region_id AND o.id = n.id AND o.search_text IS DISTINCT FROM n.search_text
       AND w.region_id = o.region_id AND w.pupil_id = o.id;
    INSERT INTO pupil_name_words (region_id, word, pupil_id)
      SELECT DISTINCT n.region_id, t.word, n.id FROM new_rows n JOIN old_rows o ON o.region_id = n.region_id AND o.id = n.id,
        unnest(string_to_array(n.search_text, ' ')) AS t(word)
       WHERE o.search_text IS DISTINCT FROM n.search_text AND t.word <> ''
      ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO pupil_name_words (region_id, word, pupil_id)
      SELECT DISTINCT n.region_id, t.word, n.id FROM new_rows n, unnest(string_to_array(n.search_text, ' ')) AS t(word)
       WHERE t.word <> ''
      ON CONFLICT DO NOTHING;
  END IF;
  -- words are never removed from the region's list: a stale word leads to no pupil
  INSERT INTO region_name_words (region_id, word)
    SELECT DISTINCT n.region_id, t.word FROM new_rows n, unnest(string_to_array(n.search_text, ' ')) AS t(word)
     WHERE t.word <> ''
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER pupils_name_words_insert AFTER INSERT ON pupils
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rondom_name_words_sync();--> statement-breakpoint
CREATE TRIGGER pupils_name_words_update AFTER UPDATE ON pupils
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rondom_name_words_sync();--> statement-breakpoint
INSERT INTO pupil_name_words (region_id, word, pupil_id)
  SELECT DISTINCT p.region_id, t.word, p.id FROM pupils p, unnest(string_to_array(p.search_text, ' ')) AS t(word)
   WHERE t.word <> '' ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO region_name_words (region_id, word)
  SELECT DISTINCT region_id, word FROM pupil_name_words ON CONFLICT DO NOTHING;--> statement-breakpoint

-- Every term of the search must match a word of the name (in any order): "jan hendriks",
-- "hendriks jan", "hendr" and "hendrix" all find Jan Hendriks. Runs as the owner, filtered on
-- the request's region explicitly; the caller joins the ids back through the RLS-bound query.
CREATE OR REPLACE FUNCTION rondom_pupil_search(p_q text) RETURNS TABLE (id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public ROWS 20 AS $$
  WITH region AS (SELECT nullif(current_setting('app.region_id', true), '')::uuid AS id),
  terms AS (SELECT DISTINCT t FROM unnest(string_to_array(p_q, ' ')) AS t WHERE t <> ''),
  matched AS (
    SELECT terms.t, w.word FROM terms, region, region_name_words w
     WHERE w.region_id = region.id AND (w.word LIKE '%' || terms.t || '%' OR terms.t <% w.word)
  )
  SELECT pw.pupil_id FROM matched m, region
    JOIN pupil_name_words pw ON pw.region_id = region.id
   WHERE pw.word = m.word
   GROUP BY pw.pupil_id
  HAVING count(DISTINCT m.t) = (SELECT count(*) FROM terms)
$$;
