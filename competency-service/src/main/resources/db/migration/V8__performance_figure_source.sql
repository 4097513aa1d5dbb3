-- K2b (issue 22): a figure is kept per reporting source, so that a metric whose definition names the source that counts
-- reads that source's figures even after another source reported the same period; the same period again from the same
-- source still replaces it (a correction). Figures stored before keep 'unknown', as in membership-service.
ALTER TABLE performance_figure ADD COLUMN source text NOT NULL DEFAULT 'unknown';
ALTER TABLE performance_figure DROP CONSTRAINT performance_figure_pkey;
ALTER TABLE performance_figure ADD PRIMARY KEY (organization_id, metric, period_start, period_end, source);
