-- Drafts of forms typed but not saved yet (the desk autosaves them), one per form key.
-- They live in the encrypted store, never beside it, and never travel to the server.
CREATE TABLE draft (
  k VARCHAR(200) NOT NULL PRIMARY KEY,
  form VARCHAR(40) NOT NULL,
  payload TEXT NOT NULL,
  updated_at VARCHAR(40) NOT NULL
);
