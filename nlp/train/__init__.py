"""Training commands for zhfin's shipped models (run at build time, never at extract time)."""
