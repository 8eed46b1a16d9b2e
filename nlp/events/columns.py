"""Table columns that name an event's parties."""
from __future__ import annotations

import re

# 获配对象｜获配金额（万元）: a placement's allottees, one a row; the rows tell no deal word of their own (发行人, 发行方:
# the issuer, not a subscriber)
ALLOTTEE_COLUMN = re.compile(r"(?:主要)?(?:(?:获配|认购)(?:对象|机构|方|人)|发行对象)(?:名称)?")
