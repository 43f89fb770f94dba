#!/bin/bash
# scripts/check-data-consistency.sh
SERVICE=$1 # e.g., "catalog"
SAMPLE_SIZE=$2 # e.g., 100
echo "Checking $SERVICE data consistency ($SAMPLE_SIZE samples)..."
# Get sample record IDs from Magento
MAGENTO_IDS=$(mysql -h $MAGENTO_DB -e "
SELECT entity_id FROM catalog_product_entity
ORDER BY RAND() LIMIT $SAMPLE_SIZE
" | tail -n +2)
MISMATCH_COUNT=0
while IFS= read -r magento_id; do
# Get UUID from magento_id_map
UUID=$(psql $PLATFORM_DB -t -c "
SELECT platform_uuid FROM magento_id_map
WHERE entity_type = '${SERVICE}' AND magento_id = $magento_id
")
# Compare updated_at timestamps (must be within 2 seconds)
MAGENTO_TS=$(mysql -h $MAGENTO_DB -e "
SELECT UNIX_TIMESTAMP(updated_at) FROM catalog_product_entity
WHERE entity_id = $magento_id
" | tail -1)
PLATFORM_TS=$(psql $PLATFORM_DB -t -c "
SELECT EXTRACT(EPOCH FROM updated_at) FROM products WHERE id = '${UUID}'
")
LAG=$(echo "$PLATFORM_TS - $MAGENTO_TS" | bc | tr -d '-')
if (( $(echo "$LAG > 2" | bc -l) )); then
echo "⚠️ Product $magento_id lag: ${LAG}s"
((MISMATCH_COUNT++))
fi
done <<< "$MAGENTO_IDS"
echo "Validation complete. Mismatches: $MISMATCH_COUNT / $SAMPLE_SIZE"
[ $MISMATCH_COUNT -eq 0 ] && echo "✅ All samples within 2s SLA"
