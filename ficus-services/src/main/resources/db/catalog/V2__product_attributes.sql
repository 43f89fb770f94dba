-- Every product attribute code seen in a product record, and whether its values are numbers (int, decimal) or
-- text (varchar, text, datetime): searchCriteria accepts these codes and compares their values accordingly.
CREATE TABLE IF NOT EXISTS product_attributes (
    code text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('number', 'text'))
);
