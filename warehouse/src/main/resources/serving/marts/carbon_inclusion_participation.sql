-- Carbon-inclusion (碳普惠) participation per month, scenario and user type: participants (distinct users),
-- activities recorded and the activity amount in its unit.
-- requires: silver.carbon_inclusion
SELECT region, CAST(date_trunc('month', date) AS DATE) AS month, scenario, user_type, unit,
       COUNT(DISTINCT user_id) AS participants, COUNT(*) AS activities, SUM(activity) AS activity_total
FROM delta.silver.carbon_inclusion
GROUP BY region, CAST(date_trunc('month', date) AS DATE), scenario, user_type, unit
