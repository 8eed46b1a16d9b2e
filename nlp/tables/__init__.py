"""Flat tables from zhfin records: `to_frames` (pandas) and `zhfin export --to csv|parquet`.
The columns of every table are decided in `flatten`."""
