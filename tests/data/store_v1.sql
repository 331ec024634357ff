-- A database as footprint's first schema version (migration 1, 'audits') wrote it.
-- Frozen: do not regenerate from the current code.
PRAGMA user_version = 1;
BEGIN TRANSACTION;
CREATE TABLE audits (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            complete INTEGER NOT NULL DEFAULT 0,
            profile TEXT NOT NULL,
            queries TEXT NOT NULL,
            failures TEXT NOT NULL DEFAULT '[]'
        );
INSERT INTO "audits" VALUES(1,'Laura Hietanen','2026-05-04T09:00:00+00:00','2026-05-04T09:02:10+00:00',1,'{"activism": {"keywords": [], "organizations": [], "years": null}, "aliases": [], "birth_year": 1978, "languages": ["fi"], "locations": ["Tampere"], "name": "Laura Hietanen", "private": {"accounts": [], "keywords": []}, "publications": {"names": []}, "work": {"domains": [], "employers": ["Uusi Suunta -säätiö"], "keywords": [], "titles": []}}','["\"Laura Hietanen\""]','[]');
CREATE TABLE results (
            audit_id INTEGER NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            seq INTEGER NOT NULL,
            result TEXT NOT NULL,
            page_status TEXT,
            page_check TEXT,
            category TEXT,
            classification TEXT,
            PRIMARY KEY (audit_id, url)
        );
INSERT INTO "results" VALUES(1,'HTTPS://Uusisuunta.fi/henkilosto/',1,'{"found_by": [], "provider": "brave", "published": null, "query": "\"Laura Hietanen\"", "rank": 1, "snippet": "", "title": "Henkilöstö – Uusi Suunta", "url": "HTTPS://Uusisuunta.fi/henkilosto/"}','live','{"archive": null, "checked_at": null, "excerpt": "", "final_url": null, "http_status": null, "reason": "", "status": "live", "title": ""}','work','{"category": "work", "confidence": 0.8, "corrected": false, "evidence": [{"code": "text", "params": {}, "text": "fixture"}], "page_status": "live", "reasons": ["fixture"], "topic": null, "year": null}');
INSERT INTO "results" VALUES(1,'https://kehakukka.fi/1999/mielenosoitus',2,'{"found_by": [], "provider": "brave", "published": null, "query": "\"Laura Hietanen\"", "rank": 2, "snippet": "", "title": "Mielenosoitus turkistarhalla", "url": "https://kehakukka.fi/1999/mielenosoitus"}','gone','{"archive": null, "checked_at": null, "excerpt": "", "final_url": null, "http_status": null, "reason": "", "status": "gone", "title": ""}','defunct','{"category": "defunct", "confidence": 0.8, "corrected": false, "evidence": [{"code": "text", "params": {}, "text": "fixture"}], "page_status": "gone", "reasons": ["fixture"], "topic": null, "year": null}');
INSERT INTO "results" VALUES(1,'https://example.invalid/laura-hietanen-md',3,'{"found_by": [], "provider": "brave", "published": null, "query": "\"Laura Hietanen\"", "rank": 3, "snippet": "", "title": "Laura Hietanen, MD", "url": "https://example.invalid/laura-hietanen-md"}','live','{"archive": null, "checked_at": null, "excerpt": "", "final_url": null, "http_status": null, "reason": "", "status": "live", "title": ""}','namesake','{"category": "namesake", "confidence": 0.8, "corrected": false, "evidence": [{"code": "text", "params": {}, "text": "fixture"}], "page_status": "live", "reasons": ["fixture"], "topic": null, "year": null}');
CREATE TABLE schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    applied_at TEXT NOT NULL
);
INSERT INTO "schema_migrations" VALUES(1,'audits','2026-05-04T09:00:00+00:00');
CREATE INDEX audits_by_name ON audits (name, started_at);
COMMIT;
