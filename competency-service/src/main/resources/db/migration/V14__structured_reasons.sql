-- issue 27: a status' reasons are objects (kind, level, path, requirement, credentials, people, on, text) instead of
-- sentences. A stored sentence becomes {"kind":"REQUIREMENT_NOT_MET","text":...} with no data (the next evaluation of
-- the organisation writes the data); events and the history keep the sentences.
UPDATE competency_status
   SET reasons = (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', 'REQUIREMENT_NOT_MET', 'text', r.value)
                                            ORDER BY r.ordinality), '[]'::jsonb)
                    FROM jsonb_array_elements_text(reasons) WITH ORDINALITY AS r(value, ordinality))
 WHERE jsonb_typeof(reasons) = 'array' AND jsonb_array_length(reasons) > 0
   AND jsonb_typeof(reasons -> 0) = 'string';
