-- Magento Open Source 2.4 (entity_id edition): the tables Ficus reads, as Magento's db_schema.xml declares them
-- (columns, types, null-ness, defaults, unsigned-ness, identity, primary/unique keys, foreign keys), and the rows
-- a fresh install seeds into them. Sources: /work/shared/reference/magento-2.4-facts.md.
--
-- Loaded statement by statement by dev.ficus.magento.schema.MagentoSchema; it also loads with the mysql client.
-- Rules for this file: statements end with ';' at the end of a line, comments are whole lines starting with '--'.
-- Magento's connection runs SET time_zone='+00:00' and SQL_MODE=''; the seed needs NO_AUTO_VALUE_ON_ZERO
-- because stores, websites and groups 0 are real rows.
SET SESSION time_zone = '+00:00';
SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO';
SET SESSION foreign_key_checks = 0;

-- ---------------------------------------------------------------------------------------------------------------
-- Store (Magento_Store)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE store_website (
  website_id smallint unsigned NOT NULL AUTO_INCREMENT COMMENT 'Website ID',
  code varchar(32) NULL DEFAULT NULL COMMENT 'Code',
  name varchar(64) NULL DEFAULT NULL COMMENT 'Website Name',
  sort_order smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Sort Order',
  default_group_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Default Group ID',
  is_default smallint unsigned NULL DEFAULT 0 COMMENT 'Defines Is Website Default',
  PRIMARY KEY (website_id),
  UNIQUE KEY STORE_WEBSITE_CODE (code),
  KEY STORE_WEBSITE_SORT_ORDER (sort_order),
  KEY STORE_WEBSITE_DEFAULT_GROUP_ID (default_group_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Websites';

CREATE TABLE store_group (
  group_id smallint unsigned NOT NULL AUTO_INCREMENT COMMENT 'Group ID',
  website_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Website ID',
  name varchar(255) NOT NULL COMMENT 'Store Group Name',
  root_category_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Root Category ID',
  default_store_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Default Store ID',
  code varchar(32) NULL DEFAULT NULL COMMENT 'Store group unique code',
  PRIMARY KEY (group_id),
  UNIQUE KEY STORE_GROUP_CODE (code),
  KEY STORE_GROUP_WEBSITE_ID (website_id),
  KEY STORE_GROUP_DEFAULT_STORE_ID (default_store_id),
  CONSTRAINT STORE_GROUP_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID FOREIGN KEY (website_id)
    REFERENCES store_website (website_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Store Groups';

CREATE TABLE store (
  store_id smallint unsigned NOT NULL AUTO_INCREMENT COMMENT 'Store ID',
  code varchar(32) NULL DEFAULT NULL COMMENT 'Code',
  website_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Website ID',
  group_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Group ID',
  name varchar(255) NOT NULL COMMENT 'Store Name',
  sort_order smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Store Sort Order',
  is_active smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Store Activity',
  PRIMARY KEY (store_id),
  UNIQUE KEY STORE_CODE (code),
  KEY STORE_WEBSITE_ID (website_id),
  KEY STORE_IS_ACTIVE_SORT_ORDER (is_active, sort_order),
  KEY STORE_GROUP_ID (group_id),
  CONSTRAINT STORE_GROUP_ID_STORE_GROUP_GROUP_ID FOREIGN KEY (group_id)
    REFERENCES store_group (group_id) ON DELETE CASCADE,
  CONSTRAINT STORE_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID FOREIGN KEY (website_id)
    REFERENCES store_website (website_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Stores';

-- ---------------------------------------------------------------------------------------------------------------
-- Configuration (Magento_Config): settings that change answers, such as catalog/price/scope. A fresh install has no
-- row for a setting left at its config.xml default.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE core_config_data (
  config_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Config ID',
  scope varchar(8) NOT NULL DEFAULT 'default' COMMENT 'Config Scope',
  scope_id int NOT NULL DEFAULT 0 COMMENT 'Config Scope ID',
  path varchar(255) NOT NULL DEFAULT 'general' COMMENT 'Config Path',
  value text NULL COMMENT 'Config Value',
  PRIMARY KEY (config_id),
  UNIQUE KEY CORE_CONFIG_DATA_SCOPE_SCOPE_ID_PATH (scope, scope_id, path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Config Data';

-- ---------------------------------------------------------------------------------------------------------------
-- EAV (Magento_Eav)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE eav_entity_type (
  entity_type_id smallint unsigned NOT NULL AUTO_INCREMENT COMMENT 'Entity Type ID',
  entity_type_code varchar(50) NOT NULL COMMENT 'Entity Type Code',
  entity_model varchar(255) NOT NULL COMMENT 'Entity Model',
  attribute_model varchar(255) NULL DEFAULT NULL COMMENT 'Attribute Model',
  entity_table varchar(255) NULL DEFAULT NULL COMMENT 'Entity Table',
  value_table_prefix varchar(255) NULL DEFAULT NULL COMMENT 'Value Table Prefix',
  entity_id_field varchar(255) NULL DEFAULT NULL COMMENT 'Entity ID Field',
  is_data_sharing smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Defines Is Data Sharing',
  data_sharing_key varchar(100) NULL DEFAULT 'default' COMMENT 'Data Sharing Key',
  default_attribute_set_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Default Attribute Set ID',
  increment_model varchar(255) NULL DEFAULT NULL COMMENT 'Increment Model',
  increment_per_store smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Increment Per Store',
  increment_pad_length smallint unsigned NOT NULL DEFAULT 8 COMMENT 'Increment Pad Length',
  increment_pad_char varchar(1) NOT NULL DEFAULT '0' COMMENT 'Increment Pad Char',
  additional_attribute_table varchar(255) NULL DEFAULT NULL COMMENT 'Additional Attribute Table',
  entity_attribute_collection varchar(255) NULL DEFAULT NULL COMMENT 'Entity Attribute Collection',
  PRIMARY KEY (entity_type_id),
  KEY EAV_ENTITY_TYPE_ENTITY_TYPE_CODE (entity_type_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Eav Entity Type';

CREATE TABLE eav_attribute (
  attribute_id smallint unsigned NOT NULL AUTO_INCREMENT COMMENT 'Attribute ID',
  entity_type_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Entity Type ID',
  attribute_code varchar(255) NOT NULL COMMENT 'Attribute Code',
  attribute_model varchar(255) NULL DEFAULT NULL COMMENT 'Attribute Model',
  backend_model varchar(255) NULL DEFAULT NULL COMMENT 'Backend Model',
  backend_type varchar(8) NOT NULL DEFAULT 'static' COMMENT 'Backend Type',
  backend_table varchar(255) NULL DEFAULT NULL COMMENT 'Backend Table',
  frontend_model varchar(255) NULL DEFAULT NULL COMMENT 'Frontend Model',
  frontend_input varchar(50) NULL DEFAULT NULL COMMENT 'Frontend Input',
  frontend_label varchar(255) NULL DEFAULT NULL COMMENT 'Frontend Label',
  frontend_class varchar(255) NULL DEFAULT NULL COMMENT 'Frontend Class',
  source_model varchar(255) NULL DEFAULT NULL COMMENT 'Source Model',
  is_required smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Defines Is Required',
  is_user_defined smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Defines Is User Defined',
  default_value text NULL COMMENT 'Default Value',
  is_unique smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Defines Is Unique',
  note varchar(255) NULL DEFAULT NULL COMMENT 'Note',
  PRIMARY KEY (attribute_id),
  UNIQUE KEY EAV_ATTRIBUTE_ENTITY_TYPE_ID_ATTRIBUTE_CODE (entity_type_id, attribute_code),
  KEY EAV_ATTRIBUTE_FRONTEND_INPUT_ENTITY_TYPE_ID_IS_USER_DEFINED (frontend_input, entity_type_id, is_user_defined),
  CONSTRAINT EAV_ATTRIBUTE_ENTITY_TYPE_ID_EAV_ENTITY_TYPE_ENTITY_TYPE_ID FOREIGN KEY (entity_type_id)
    REFERENCES eav_entity_type (entity_type_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Eav Attribute';

CREATE TABLE eav_attribute_set (
  attribute_set_id smallint unsigned NOT NULL AUTO_INCREMENT COMMENT 'Attribute Set ID',
  entity_type_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Entity Type ID',
  attribute_set_name varchar(255) NULL DEFAULT NULL COMMENT 'Attribute Set Name',
  sort_order smallint NOT NULL DEFAULT 0 COMMENT 'Sort Order',
  PRIMARY KEY (attribute_set_id),
  UNIQUE KEY EAV_ATTRIBUTE_SET_ENTITY_TYPE_ID_ATTRIBUTE_SET_NAME (entity_type_id, attribute_set_name),
  KEY EAV_ATTRIBUTE_SET_ENTITY_TYPE_ID_SORT_ORDER (entity_type_id, sort_order),
  CONSTRAINT EAV_ATTRIBUTE_SET_ENTITY_TYPE_ID_EAV_ENTITY_TYPE_ENTITY_TYPE_ID FOREIGN KEY (entity_type_id)
    REFERENCES eav_entity_type (entity_type_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Eav Attribute Set';

CREATE TABLE eav_attribute_option (
  option_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Option ID',
  attribute_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Attribute ID',
  sort_order smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Sort Order',
  PRIMARY KEY (option_id),
  KEY EAV_ATTRIBUTE_OPTION_ATTRIBUTE_ID (attribute_id),
  CONSTRAINT EAV_ATTRIBUTE_OPTION_ATTRIBUTE_ID_EAV_ATTRIBUTE_ATTRIBUTE_ID FOREIGN KEY (attribute_id)
    REFERENCES eav_attribute (attribute_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Eav Attribute Option';

CREATE TABLE eav_attribute_option_value (
  value_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Value ID',
  option_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Option ID',
  store_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Store ID',
  value varchar(255) NULL DEFAULT NULL COMMENT 'Value',
  PRIMARY KEY (value_id),
  KEY EAV_ATTRIBUTE_OPTION_VALUE_OPTION_ID (option_id),
  KEY EAV_ATTRIBUTE_OPTION_VALUE_STORE_ID (store_id),
  CONSTRAINT EAV_ATTR_OPT_VAL_OPT_ID_EAV_ATTR_OPT_OPT_ID FOREIGN KEY (option_id)
    REFERENCES eav_attribute_option (option_id) ON DELETE CASCADE,
  CONSTRAINT EAV_ATTRIBUTE_OPTION_VALUE_STORE_ID_STORE_STORE_ID FOREIGN KEY (store_id)
    REFERENCES store (store_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Eav Attribute Option Value';

-- ---------------------------------------------------------------------------------------------------------------
-- Catalog (Magento_Catalog)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE catalog_eav_attribute (
  attribute_id smallint unsigned NOT NULL COMMENT 'Attribute ID',
  frontend_input_renderer varchar(255) NULL DEFAULT NULL COMMENT 'Frontend Input Renderer',
  is_global smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Is Global',
  is_visible smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Is Visible',
  is_searchable smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Searchable',
  is_filterable smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Filterable',
  is_comparable smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Comparable',
  is_visible_on_front smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Visible On Front',
  is_html_allowed_on_front smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is HTML Allowed On Front',
  is_used_for_price_rules smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Used For Price Rules',
  is_filterable_in_search smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Filterable In Search',
  used_in_product_listing smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Used In Product Listing',
  used_for_sort_by smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Used For Sorting',
  apply_to varchar(255) NULL DEFAULT NULL COMMENT 'Apply To',
  is_visible_in_advanced_search smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Visible In Advanced Search',
  position int NOT NULL DEFAULT 0 COMMENT 'Position',
  is_wysiwyg_enabled smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is WYSIWYG Enabled',
  is_used_for_promo_rules smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Used For Promo Rules',
  is_required_in_admin_store smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Required In Admin Store',
  is_used_in_grid smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Used in Grid',
  is_visible_in_grid smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Visible in Grid',
  is_filterable_in_grid smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Filterable in Grid',
  search_weight float NOT NULL DEFAULT 1 COMMENT 'Search Weight',
  additional_data text NULL COMMENT 'Additional swatch attributes data',
  PRIMARY KEY (attribute_id),
  KEY CATALOG_EAV_ATTRIBUTE_USED_FOR_SORT_BY (used_for_sort_by),
  KEY CATALOG_EAV_ATTRIBUTE_USED_IN_PRODUCT_LISTING (used_in_product_listing),
  CONSTRAINT CATALOG_EAV_ATTRIBUTE_ATTRIBUTE_ID_EAV_ATTRIBUTE_ATTRIBUTE_ID FOREIGN KEY (attribute_id)
    REFERENCES eav_attribute (attribute_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog EAV Attribute Table';

CREATE TABLE catalog_category_entity (
  entity_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Entity ID',
  attribute_set_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Attribute Set ID',
  parent_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Parent Category ID',
  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'Creation Time',
  updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'Update Time',
  path varchar(255) NOT NULL COMMENT 'Tree Path',
  position int NOT NULL COMMENT 'Position',
  level int NOT NULL DEFAULT 0 COMMENT 'Tree Level',
  children_count int NOT NULL COMMENT 'Child Count',
  PRIMARY KEY (entity_id),
  KEY CATALOG_CATEGORY_ENTITY_LEVEL (level),
  KEY CATALOG_CATEGORY_ENTITY_PATH (path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Category Table';

CREATE TABLE catalog_product_entity (
  entity_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Entity ID',
  attribute_set_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Attribute Set ID',
  type_id varchar(32) NOT NULL DEFAULT 'simple' COMMENT 'Type ID',
  sku varchar(64) NOT NULL COMMENT 'SKU',
  has_options smallint NOT NULL DEFAULT 0 COMMENT 'Has Options',
  required_options smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Required Options',
  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'Creation Time',
  updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'Update Time',
  PRIMARY KEY (entity_id),
  KEY CATALOG_PRODUCT_ENTITY_ATTRIBUTE_SET_ID (attribute_set_id),
  KEY CATALOG_PRODUCT_ENTITY_SKU (sku)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Product Table';

CREATE TABLE catalog_product_entity_datetime (
  value_id int NOT NULL AUTO_INCREMENT COMMENT 'Value ID',
  attribute_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Attribute ID',
  store_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Store ID',
  entity_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Entity ID',
  value datetime NULL DEFAULT NULL COMMENT 'Value',
  PRIMARY KEY (value_id),
  UNIQUE KEY CATALOG_PRODUCT_ENTITY_DATETIME_ENTITY_ID_ATTRIBUTE_ID_STORE_ID (entity_id, attribute_id, store_id),
  KEY CATALOG_PRODUCT_ENTITY_DATETIME_ATTRIBUTE_ID (attribute_id),
  KEY CATALOG_PRODUCT_ENTITY_DATETIME_STORE_ID (store_id),
  CONSTRAINT CAT_PRD_ENTT_DTIME_ATTR_ID_EAV_ATTR_ATTR_ID FOREIGN KEY (attribute_id)
    REFERENCES eav_attribute (attribute_id) ON DELETE CASCADE,
  CONSTRAINT CAT_PRD_ENTT_DTIME_ENTT_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (entity_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE,
  CONSTRAINT CATALOG_PRODUCT_ENTITY_DATETIME_STORE_ID_STORE_STORE_ID FOREIGN KEY (store_id)
    REFERENCES store (store_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Product Datetime Attribute Backend Table';

CREATE TABLE catalog_product_entity_decimal (
  value_id int NOT NULL AUTO_INCREMENT COMMENT 'Value ID',
  attribute_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Attribute ID',
  store_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Store ID',
  entity_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Entity ID',
  value decimal(20,6) NULL DEFAULT NULL COMMENT 'Value',
  PRIMARY KEY (value_id),
  UNIQUE KEY CATALOG_PRODUCT_ENTITY_DECIMAL_ENTITY_ID_ATTRIBUTE_ID_STORE_ID (entity_id, attribute_id, store_id),
  KEY CATALOG_PRODUCT_ENTITY_DECIMAL_STORE_ID (store_id),
  KEY CATALOG_PRODUCT_ENTITY_DECIMAL_ATTRIBUTE_ID (attribute_id),
  CONSTRAINT CAT_PRD_ENTT_DEC_ATTR_ID_EAV_ATTR_ATTR_ID FOREIGN KEY (attribute_id)
    REFERENCES eav_attribute (attribute_id) ON DELETE CASCADE,
  CONSTRAINT CAT_PRD_ENTT_DEC_ENTT_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (entity_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE,
  CONSTRAINT CATALOG_PRODUCT_ENTITY_DECIMAL_STORE_ID_STORE_STORE_ID FOREIGN KEY (store_id)
    REFERENCES store (store_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Product Decimal Attribute Backend Table';

CREATE TABLE catalog_product_entity_int (
  value_id int NOT NULL AUTO_INCREMENT COMMENT 'Value ID',
  attribute_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Attribute ID',
  store_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Store ID',
  entity_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Entity ID',
  value int NULL DEFAULT NULL COMMENT 'Value',
  PRIMARY KEY (value_id),
  UNIQUE KEY CATALOG_PRODUCT_ENTITY_INT_ENTITY_ID_ATTRIBUTE_ID_STORE_ID (entity_id, attribute_id, store_id),
  KEY CATALOG_PRODUCT_ENTITY_INT_ATTRIBUTE_ID (attribute_id),
  KEY CATALOG_PRODUCT_ENTITY_INT_STORE_ID (store_id),
  KEY CATALOG_PRODUCT_ENTITY_INT_ATTRIBUTE_ID_STORE_ID_VALUE (attribute_id, store_id, value),
  CONSTRAINT CAT_PRD_ENTT_INT_ATTR_ID_EAV_ATTR_ATTR_ID FOREIGN KEY (attribute_id)
    REFERENCES eav_attribute (attribute_id) ON DELETE CASCADE,
  CONSTRAINT CAT_PRD_ENTT_INT_ENTT_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (entity_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE,
  CONSTRAINT CATALOG_PRODUCT_ENTITY_INT_STORE_ID_STORE_STORE_ID FOREIGN KEY (store_id)
    REFERENCES store (store_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Product Integer Attribute Backend Table';

CREATE TABLE catalog_product_entity_text (
  value_id int NOT NULL AUTO_INCREMENT COMMENT 'Value ID',
  attribute_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Attribute ID',
  store_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Store ID',
  entity_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Entity ID',
  value mediumtext NULL COMMENT 'Value',
  PRIMARY KEY (value_id),
  UNIQUE KEY CATALOG_PRODUCT_ENTITY_TEXT_ENTITY_ID_ATTRIBUTE_ID_STORE_ID (entity_id, attribute_id, store_id),
  KEY CATALOG_PRODUCT_ENTITY_TEXT_ATTRIBUTE_ID (attribute_id),
  KEY CATALOG_PRODUCT_ENTITY_TEXT_STORE_ID (store_id),
  CONSTRAINT CAT_PRD_ENTT_TEXT_ATTR_ID_EAV_ATTR_ATTR_ID FOREIGN KEY (attribute_id)
    REFERENCES eav_attribute (attribute_id) ON DELETE CASCADE,
  CONSTRAINT CAT_PRD_ENTT_TEXT_ENTT_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (entity_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE,
  CONSTRAINT CATALOG_PRODUCT_ENTITY_TEXT_STORE_ID_STORE_STORE_ID FOREIGN KEY (store_id)
    REFERENCES store (store_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Product Text Attribute Backend Table';

CREATE TABLE catalog_product_entity_varchar (
  value_id int NOT NULL AUTO_INCREMENT COMMENT 'Value ID',
  attribute_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Attribute ID',
  store_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Store ID',
  entity_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Entity ID',
  value varchar(255) NULL DEFAULT NULL COMMENT 'Value',
  PRIMARY KEY (value_id),
  UNIQUE KEY CATALOG_PRODUCT_ENTITY_VARCHAR_ENTITY_ID_ATTRIBUTE_ID_STORE_ID (entity_id, attribute_id, store_id),
  KEY CATALOG_PRODUCT_ENTITY_VARCHAR_ATTRIBUTE_ID (attribute_id),
  KEY CATALOG_PRODUCT_ENTITY_VARCHAR_STORE_ID (store_id),
  CONSTRAINT CAT_PRD_ENTT_VCHR_ATTR_ID_EAV_ATTR_ATTR_ID FOREIGN KEY (attribute_id)
    REFERENCES eav_attribute (attribute_id) ON DELETE CASCADE,
  CONSTRAINT CAT_PRD_ENTT_VCHR_ENTT_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (entity_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE,
  CONSTRAINT CATALOG_PRODUCT_ENTITY_VARCHAR_STORE_ID_STORE_STORE_ID FOREIGN KEY (store_id)
    REFERENCES store (store_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Product Varchar Attribute Backend Table';

CREATE TABLE catalog_product_website (
  product_id int unsigned NOT NULL COMMENT 'Product ID',
  website_id smallint unsigned NOT NULL COMMENT 'Website ID',
  PRIMARY KEY (product_id, website_id),
  KEY CATALOG_PRODUCT_WEBSITE_WEBSITE_ID (website_id),
  CONSTRAINT CAT_PRD_WS_PRD_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (product_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE,
  CONSTRAINT CATALOG_PRODUCT_WEBSITE_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID FOREIGN KEY (website_id)
    REFERENCES store_website (website_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Product To Website Linkage Table';

CREATE TABLE catalog_category_product (
  entity_id int NOT NULL AUTO_INCREMENT COMMENT 'Entity ID',
  category_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Category ID',
  product_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Product ID',
  position int NOT NULL DEFAULT 0 COMMENT 'Position',
  PRIMARY KEY (entity_id, category_id, product_id),
  UNIQUE KEY CATALOG_CATEGORY_PRODUCT_CATEGORY_ID_PRODUCT_ID (category_id, product_id),
  KEY CATALOG_CATEGORY_PRODUCT_PRODUCT_ID (product_id),
  CONSTRAINT CAT_CTGR_PRD_CTGR_ID_CAT_CTGR_ENTT_ENTT_ID FOREIGN KEY (category_id)
    REFERENCES catalog_category_entity (entity_id) ON DELETE CASCADE,
  CONSTRAINT CAT_CTGR_PRD_PRD_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (product_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Product To Category Linkage Table';

-- Configurable products (Magento_ConfigurableProduct / Magento_Catalog): how a configurable's children hang off it.
CREATE TABLE catalog_product_relation (
  parent_id int unsigned NOT NULL COMMENT 'Parent ID',
  child_id int unsigned NOT NULL COMMENT 'Child ID',
  PRIMARY KEY (parent_id, child_id),
  KEY CATALOG_PRODUCT_RELATION_CHILD_ID (child_id),
  CONSTRAINT CAT_PRD_RELATION_CHILD_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (child_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE,
  CONSTRAINT CAT_PRD_RELATION_PARENT_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (parent_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Product Relation Table';

CREATE TABLE catalog_product_super_attribute (
  product_super_attribute_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Product Super Attribute ID',
  product_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Product ID',
  attribute_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Attribute ID',
  position smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Position',
  PRIMARY KEY (product_super_attribute_id),
  UNIQUE KEY CATALOG_PRODUCT_SUPER_ATTRIBUTE_PRODUCT_ID_ATTRIBUTE_ID (product_id, attribute_id),
  CONSTRAINT CAT_PRD_SPR_ATTR_PRD_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (product_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Product Super Attribute Table';

-- The option label of a configurable's super attribute, per store view (store 0: the default); without a row, or with
-- use_default = 1, the option shows the attribute's own label.
CREATE TABLE catalog_product_super_attribute_label (
  value_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Value ID',
  product_super_attribute_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Product Super Attribute ID',
  store_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Store ID',
  use_default smallint unsigned NULL DEFAULT 0 COMMENT 'Use Default Value',
  value varchar(255) NULL DEFAULT NULL COMMENT 'Value',
  PRIMARY KEY (value_id),
  UNIQUE KEY CAT_PRD_SPR_ATTR_LBL_PRD_SPR_ATTR_ID_STORE_ID (product_super_attribute_id, store_id),
  KEY CATALOG_PRODUCT_SUPER_ATTRIBUTE_LABEL_STORE_ID (store_id),
  CONSTRAINT FK_309442281DF7784210ED82B2CC51E5D5 FOREIGN KEY (product_super_attribute_id)
    REFERENCES catalog_product_super_attribute (product_super_attribute_id) ON DELETE CASCADE,
  CONSTRAINT CATALOG_PRODUCT_SUPER_ATTRIBUTE_LABEL_STORE_ID_STORE_STORE_ID FOREIGN KEY (store_id)
    REFERENCES store (store_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Product Super Attribute Label Table';

CREATE TABLE catalog_product_super_link (
  link_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Link ID',
  product_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Product ID',
  parent_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Parent ID',
  PRIMARY KEY (link_id),
  UNIQUE KEY CATALOG_PRODUCT_SUPER_LINK_PRODUCT_ID_PARENT_ID (product_id, parent_id),
  KEY CATALOG_PRODUCT_SUPER_LINK_PARENT_ID (parent_id),
  CONSTRAINT CAT_PRD_SPR_LNK_PRD_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (product_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE,
  CONSTRAINT CAT_PRD_SPR_LNK_PARENT_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (parent_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Catalog Product Super Link Table';

-- ---------------------------------------------------------------------------------------------------------------
-- Inventory (Magento_CatalogInventory). cataloginventory_stock_item has no updated_at (Magento issue #6234).
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE cataloginventory_stock (
  stock_id smallint unsigned NOT NULL AUTO_INCREMENT COMMENT 'Stock ID',
  website_id smallint unsigned NOT NULL COMMENT 'Website ID',
  stock_name varchar(255) NULL DEFAULT NULL COMMENT 'Stock Name',
  PRIMARY KEY (stock_id),
  KEY CATALOGINVENTORY_STOCK_WEBSITE_ID (website_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Cataloginventory Stock';

CREATE TABLE cataloginventory_stock_item (
  item_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Item ID',
  product_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Product ID',
  stock_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Stock ID',
  qty decimal(12,4) NULL DEFAULT NULL COMMENT 'Qty',
  min_qty decimal(12,4) NOT NULL DEFAULT 0.0000 COMMENT 'Min Qty',
  use_config_min_qty smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Use Config Min Qty',
  is_qty_decimal smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Qty Decimal',
  backorders smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Backorders',
  use_config_backorders smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Use Config Backorders',
  min_sale_qty decimal(12,4) NOT NULL DEFAULT 1.0000 COMMENT 'Min Sale Qty',
  use_config_min_sale_qty smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Use Config Min Sale Qty',
  max_sale_qty decimal(12,4) NOT NULL DEFAULT 0.0000 COMMENT 'Max Sale Qty',
  use_config_max_sale_qty smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Use Config Max Sale Qty',
  is_in_stock smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is In Stock',
  low_stock_date timestamp NULL DEFAULT NULL COMMENT 'Low Stock Date',
  notify_stock_qty decimal(12,4) NULL DEFAULT NULL COMMENT 'Notify Stock Qty',
  use_config_notify_stock_qty smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Use Config Notify Stock Qty',
  manage_stock smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Manage Stock',
  use_config_manage_stock smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Use Config Manage Stock',
  stock_status_changed_auto smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Stock Status Changed Automatically',
  use_config_qty_increments smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Use Config Qty Increments',
  qty_increments decimal(12,4) NOT NULL DEFAULT 0.0000 COMMENT 'Qty Increments',
  use_config_enable_qty_inc smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Use Config Enable Qty Increments',
  enable_qty_increments smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Enable Qty Increments',
  is_decimal_divided smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Is Divided into Multiple Boxes for Shipping',
  website_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Website ID',
  PRIMARY KEY (item_id),
  UNIQUE KEY CATALOGINVENTORY_STOCK_ITEM_PRODUCT_ID_STOCK_ID (product_id, stock_id),
  KEY CATALOGINVENTORY_STOCK_ITEM_WEBSITE_ID (website_id),
  KEY CATALOGINVENTORY_STOCK_ITEM_WEBSITE_ID_PRODUCT_ID (website_id, product_id),
  KEY CATALOGINVENTORY_STOCK_ITEM_STOCK_ID (stock_id),
  CONSTRAINT CATINV_STOCK_ITEM_PRD_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (product_id)
    REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE,
  CONSTRAINT CATINV_STOCK_ITEM_STOCK_ID_CATINV_STOCK_STOCK_ID FOREIGN KEY (stock_id)
    REFERENCES cataloginventory_stock (stock_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Cataloginventory Stock Item';

-- ---------------------------------------------------------------------------------------------------------------
-- Customer (Magento_Customer). Every standard customer and address attribute is static: a column here.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE customer_entity (
  entity_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Entity ID',
  website_id smallint unsigned NULL DEFAULT NULL COMMENT 'Website ID',
  email varchar(255) NULL DEFAULT NULL COMMENT 'Email',
  group_id smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Group ID',
  increment_id varchar(50) NULL DEFAULT NULL COMMENT 'Increment ID',
  store_id smallint unsigned NULL DEFAULT 0 COMMENT 'Store ID',
  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'Created At',
  updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'Updated At',
  is_active smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Is Active',
  disable_auto_group_change smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Disable automatic group change based on VAT ID',
  created_in varchar(255) NULL DEFAULT NULL COMMENT 'Created From',
  prefix varchar(40) NULL DEFAULT NULL COMMENT 'Name Prefix',
  firstname varchar(255) NULL DEFAULT NULL COMMENT 'First Name',
  middlename varchar(255) NULL DEFAULT NULL COMMENT 'Middle Name/Initial',
  lastname varchar(255) NULL DEFAULT NULL COMMENT 'Last Name',
  suffix varchar(40) NULL DEFAULT NULL COMMENT 'Name Suffix',
  dob date NULL DEFAULT NULL COMMENT 'Date of Birth',
  password_hash varchar(128) NULL DEFAULT NULL COMMENT 'Password_hash',
  rp_token varchar(128) NULL DEFAULT NULL COMMENT 'Reset password token',
  rp_token_created_at datetime NULL DEFAULT NULL COMMENT 'Reset password token creation time',
  default_billing int unsigned NULL DEFAULT NULL COMMENT 'Default Billing Address',
  default_shipping int unsigned NULL DEFAULT NULL COMMENT 'Default Shipping Address',
  taxvat varchar(50) NULL DEFAULT NULL COMMENT 'Tax/VAT Number',
  confirmation varchar(64) NULL DEFAULT NULL COMMENT 'Is Confirmed',
  gender smallint unsigned NULL DEFAULT NULL COMMENT 'Gender',
  failures_num smallint NULL DEFAULT 0 COMMENT 'Failure Number',
  first_failure timestamp NULL DEFAULT NULL COMMENT 'First Failure',
  lock_expires timestamp NULL DEFAULT NULL COMMENT 'Lock Expiration Date',
  session_cutoff timestamp NULL DEFAULT NULL COMMENT 'Session Cutoff Time',
  PRIMARY KEY (entity_id),
  UNIQUE KEY CUSTOMER_ENTITY_EMAIL_WEBSITE_ID (email, website_id),
  KEY CUSTOMER_ENTITY_WEBSITE_ID (website_id),
  KEY CUSTOMER_ENTITY_FIRSTNAME (firstname),
  KEY CUSTOMER_ENTITY_LASTNAME (lastname),
  CONSTRAINT CUSTOMER_ENTITY_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID FOREIGN KEY (website_id)
    REFERENCES store_website (website_id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Customer Entity';

CREATE TABLE customer_address_entity (
  entity_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Entity ID',
  increment_id varchar(50) NULL DEFAULT NULL COMMENT 'Increment ID',
  parent_id int unsigned NULL DEFAULT NULL COMMENT 'Parent ID',
  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'Created At',
  updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'Updated At',
  is_active smallint unsigned NOT NULL DEFAULT 1 COMMENT 'Is Active',
  city varchar(255) NOT NULL COMMENT 'City',
  company varchar(255) NULL DEFAULT NULL COMMENT 'Company',
  country_id varchar(255) NOT NULL COMMENT 'Country',
  fax varchar(255) NULL DEFAULT NULL COMMENT 'Fax',
  firstname varchar(255) NOT NULL COMMENT 'First Name',
  lastname varchar(255) NOT NULL COMMENT 'Last Name',
  middlename varchar(255) NULL DEFAULT NULL COMMENT 'Middle Name',
  postcode varchar(255) NULL DEFAULT NULL COMMENT 'Zip/Postal Code',
  prefix varchar(40) NULL DEFAULT NULL COMMENT 'Name Prefix',
  region varchar(255) NULL DEFAULT NULL COMMENT 'State/Province',
  region_id int unsigned NULL DEFAULT NULL COMMENT 'State/Province',
  street text NOT NULL COMMENT 'Street Address',
  suffix varchar(40) NULL DEFAULT NULL COMMENT 'Name Suffix',
  telephone varchar(255) NOT NULL COMMENT 'Phone Number',
  vat_id varchar(255) NULL DEFAULT NULL COMMENT 'VAT number',
  vat_is_valid int unsigned NULL DEFAULT NULL COMMENT 'VAT number validity',
  vat_request_date varchar(255) NULL DEFAULT NULL COMMENT 'VAT number validation request date',
  vat_request_id varchar(255) NULL DEFAULT NULL COMMENT 'VAT number validation request ID',
  vat_request_success int unsigned NULL DEFAULT NULL COMMENT 'VAT number validation request success',
  PRIMARY KEY (entity_id),
  KEY CUSTOMER_ADDRESS_ENTITY_PARENT_ID (parent_id),
  CONSTRAINT CUSTOMER_ADDRESS_ENTITY_PARENT_ID_CUSTOMER_ENTITY_ENTITY_ID FOREIGN KEY (parent_id)
    REFERENCES customer_entity (entity_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Customer Address Entity';

-- ---------------------------------------------------------------------------------------------------------------
-- Sales (Magento_Sales, resource "sales"). Money columns are decimal(20,4), quantities and rates decimal(12,4).
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE sales_order (
  entity_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Entity ID',
  state varchar(32) NULL DEFAULT NULL COMMENT 'State',
  status varchar(32) NULL DEFAULT NULL COMMENT 'Status',
  coupon_code varchar(255) NULL DEFAULT NULL COMMENT 'Coupon Code',
  protect_code varchar(255) NULL DEFAULT NULL COMMENT 'Protect Code',
  shipping_description varchar(255) NULL DEFAULT NULL COMMENT 'Shipping Description',
  is_virtual smallint unsigned NULL DEFAULT NULL COMMENT 'Is Virtual',
  store_id smallint unsigned NULL DEFAULT NULL COMMENT 'Store ID',
  customer_id int unsigned NULL DEFAULT NULL COMMENT 'Customer ID',
  base_discount_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Discount Amount',
  base_discount_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Discount Canceled',
  base_discount_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Discount Invoiced',
  base_discount_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Discount Refunded',
  base_grand_total decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Grand Total',
  base_shipping_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Shipping Amount',
  base_shipping_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Shipping Canceled',
  base_shipping_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Shipping Invoiced',
  base_shipping_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Shipping Refunded',
  base_shipping_tax_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Shipping Tax Amount',
  base_shipping_tax_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Shipping Tax Refunded',
  base_subtotal decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Subtotal',
  base_subtotal_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Subtotal Canceled',
  base_subtotal_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Subtotal Invoiced',
  base_subtotal_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Subtotal Refunded',
  base_tax_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Tax Amount',
  base_tax_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Tax Canceled',
  base_tax_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Tax Invoiced',
  base_tax_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Tax Refunded',
  base_to_global_rate decimal(20,4) NULL DEFAULT NULL COMMENT 'Base To Global Rate',
  base_to_order_rate decimal(20,4) NULL DEFAULT NULL COMMENT 'Base To Order Rate',
  base_total_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Total Canceled',
  base_total_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Total Invoiced',
  base_total_invoiced_cost decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Total Invoiced Cost',
  base_total_offline_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Total Offline Refunded',
  base_total_online_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Total Online Refunded',
  base_total_paid decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Total Paid',
  base_total_qty_ordered decimal(12,4) NULL DEFAULT NULL COMMENT 'Base Total Qty Ordered',
  base_total_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Total Refunded',
  discount_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Discount Amount',
  discount_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Discount Canceled',
  discount_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Discount Invoiced',
  discount_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Discount Refunded',
  grand_total decimal(20,4) NULL DEFAULT NULL COMMENT 'Grand Total',
  shipping_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Shipping Amount',
  shipping_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Shipping Canceled',
  shipping_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Shipping Invoiced',
  shipping_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Shipping Refunded',
  shipping_tax_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Shipping Tax Amount',
  shipping_tax_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Shipping Tax Refunded',
  store_to_base_rate decimal(12,4) NULL DEFAULT NULL COMMENT 'Store To Base Rate',
  store_to_order_rate decimal(12,4) NULL DEFAULT NULL COMMENT 'Store To Order Rate',
  subtotal decimal(20,4) NULL DEFAULT NULL COMMENT 'Subtotal',
  subtotal_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Subtotal Canceled',
  subtotal_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Subtotal Invoiced',
  subtotal_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Subtotal Refunded',
  tax_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Tax Amount',
  tax_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Tax Canceled',
  tax_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Tax Invoiced',
  tax_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Tax Refunded',
  total_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Total Canceled',
  total_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Total Invoiced',
  total_offline_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Total Offline Refunded',
  total_online_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Total Online Refunded',
  total_paid decimal(20,4) NULL DEFAULT NULL COMMENT 'Total Paid',
  total_qty_ordered decimal(12,4) NULL DEFAULT NULL COMMENT 'Total Qty Ordered',
  total_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Total Refunded',
  can_ship_partially smallint unsigned NULL DEFAULT NULL COMMENT 'Can Ship Partially',
  can_ship_partially_item smallint unsigned NULL DEFAULT NULL COMMENT 'Can Ship Partially Item',
  customer_is_guest smallint unsigned NULL DEFAULT NULL COMMENT 'Customer Is Guest',
  customer_note_notify smallint unsigned NULL DEFAULT NULL COMMENT 'Customer Note Notify',
  billing_address_id int NULL DEFAULT NULL COMMENT 'Billing Address ID',
  customer_group_id int NULL DEFAULT NULL,
  edit_increment int NULL DEFAULT NULL COMMENT 'Edit Increment',
  email_sent smallint NULL DEFAULT NULL COMMENT 'Email Sent',
  send_email smallint unsigned NULL DEFAULT NULL COMMENT 'Send Email',
  forced_shipment_with_invoice smallint unsigned NULL DEFAULT NULL COMMENT 'Forced Do Shipment With Invoice',
  payment_auth_expiration int NULL DEFAULT NULL COMMENT 'Payment Authorization Expiration',
  quote_address_id int NULL DEFAULT NULL COMMENT 'Quote Address ID',
  quote_id int NULL DEFAULT NULL COMMENT 'Quote ID',
  shipping_address_id int NULL DEFAULT NULL COMMENT 'Shipping Address ID',
  adjustment_negative decimal(20,4) NULL DEFAULT NULL COMMENT 'Adjustment Negative',
  adjustment_positive decimal(20,4) NULL DEFAULT NULL COMMENT 'Adjustment Positive',
  base_adjustment_negative decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Adjustment Negative',
  base_adjustment_positive decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Adjustment Positive',
  base_shipping_discount_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Shipping Discount Amount',
  base_subtotal_incl_tax decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Subtotal Incl Tax',
  base_total_due decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Total Due',
  payment_authorization_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Payment Authorization Amount',
  shipping_discount_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Shipping Discount Amount',
  subtotal_incl_tax decimal(20,4) NULL DEFAULT NULL COMMENT 'Subtotal Incl Tax',
  total_due decimal(20,4) NULL DEFAULT NULL COMMENT 'Total Due',
  weight decimal(12,4) NULL DEFAULT NULL COMMENT 'Weight',
  customer_dob datetime NULL DEFAULT NULL COMMENT 'Customer Dob',
  increment_id varchar(50) NULL DEFAULT NULL COMMENT 'Increment ID',
  applied_rule_ids varchar(128) NULL DEFAULT NULL COMMENT 'Applied Rule Ids',
  base_currency_code varchar(3) NULL DEFAULT NULL COMMENT 'Base Currency Code',
  customer_email varchar(128) NULL DEFAULT NULL COMMENT 'Customer Email',
  customer_firstname varchar(128) NULL DEFAULT NULL COMMENT 'Customer Firstname',
  customer_lastname varchar(128) NULL DEFAULT NULL COMMENT 'Customer Lastname',
  customer_middlename varchar(128) NULL DEFAULT NULL COMMENT 'Customer Middlename',
  customer_prefix varchar(32) NULL DEFAULT NULL COMMENT 'Customer Prefix',
  customer_suffix varchar(32) NULL DEFAULT NULL COMMENT 'Customer Suffix',
  customer_taxvat varchar(32) NULL DEFAULT NULL COMMENT 'Customer Taxvat',
  discount_description varchar(255) NULL DEFAULT NULL COMMENT 'Discount Description',
  ext_customer_id varchar(32) NULL DEFAULT NULL COMMENT 'Ext Customer ID',
  ext_order_id varchar(32) NULL DEFAULT NULL COMMENT 'Ext Order ID',
  global_currency_code varchar(3) NULL DEFAULT NULL COMMENT 'Global Currency Code',
  hold_before_state varchar(32) NULL DEFAULT NULL COMMENT 'Hold Before State',
  hold_before_status varchar(32) NULL DEFAULT NULL COMMENT 'Hold Before Status',
  order_currency_code varchar(3) NULL DEFAULT NULL COMMENT 'Order Currency Code',
  original_increment_id varchar(50) NULL DEFAULT NULL COMMENT 'Original Increment ID',
  relation_child_id varchar(32) NULL DEFAULT NULL COMMENT 'Relation Child ID',
  relation_child_real_id varchar(32) NULL DEFAULT NULL COMMENT 'Relation Child Real ID',
  relation_parent_id varchar(32) NULL DEFAULT NULL COMMENT 'Relation Parent ID',
  relation_parent_real_id varchar(32) NULL DEFAULT NULL COMMENT 'Relation Parent Real ID',
  remote_ip varchar(45) NULL DEFAULT NULL COMMENT 'Remote Ip',
  shipping_method varchar(120) NULL DEFAULT NULL,
  store_currency_code varchar(3) NULL DEFAULT NULL COMMENT 'Store Currency Code',
  store_name varchar(255) NULL DEFAULT NULL COMMENT 'Store Name',
  x_forwarded_for varchar(255) NULL DEFAULT NULL COMMENT 'X Forwarded For',
  customer_note text NULL COMMENT 'Customer Note',
  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'Created At',
  updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'Updated At',
  total_item_count smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Total Item Count',
  customer_gender int NULL DEFAULT NULL COMMENT 'Customer Gender',
  discount_tax_compensation_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Discount Tax Compensation Amount',
  base_discount_tax_compensation_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Discount Tax Compensation Amount',
  shipping_discount_tax_compensation_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Shipping Discount Tax Compensation Amount',
  base_shipping_discount_tax_compensation_amnt decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Shipping Discount Tax Compensation Amount',
  discount_tax_compensation_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Discount Tax Compensation Invoiced',
  base_discount_tax_compensation_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Discount Tax Compensation Invoiced',
  discount_tax_compensation_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Discount Tax Compensation Refunded',
  base_discount_tax_compensation_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Discount Tax Compensation Refunded',
  shipping_incl_tax decimal(20,4) NULL DEFAULT NULL COMMENT 'Shipping Incl Tax',
  base_shipping_incl_tax decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Shipping Incl Tax',
  coupon_rule_name varchar(255) NULL DEFAULT NULL COMMENT 'Coupon Sales Rule Name',
  PRIMARY KEY (entity_id),
  UNIQUE KEY SALES_ORDER_INCREMENT_ID_STORE_ID (increment_id, store_id),
  KEY SALES_ORDER_STATUS (status),
  KEY SALES_ORDER_STATE (state),
  KEY SALES_ORDER_STORE_ID (store_id),
  KEY SALES_ORDER_CREATED_AT (created_at),
  KEY SALES_ORDER_CUSTOMER_ID (customer_id),
  KEY SALES_ORDER_EXT_ORDER_ID (ext_order_id),
  KEY SALES_ORDER_QUOTE_ID (quote_id),
  KEY SALES_ORDER_UPDATED_AT (updated_at),
  KEY SALES_ORDER_SEND_EMAIL (send_email),
  KEY SALES_ORDER_EMAIL_SENT (email_sent),
  KEY SALES_ORDER_STORE_ID_STATE_CREATED_AT (store_id, state, created_at),
  CONSTRAINT SALES_ORDER_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID FOREIGN KEY (customer_id)
    REFERENCES customer_entity (entity_id) ON DELETE SET NULL,
  CONSTRAINT SALES_ORDER_STORE_ID_STORE_STORE_ID FOREIGN KEY (store_id)
    REFERENCES store (store_id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Sales Flat Order';

CREATE TABLE sales_order_item (
  item_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Item ID',
  order_id int unsigned NOT NULL DEFAULT 0 COMMENT 'Order ID',
  parent_item_id int unsigned NULL DEFAULT NULL COMMENT 'Parent Item ID',
  quote_item_id int unsigned NULL DEFAULT NULL COMMENT 'Quote Item ID',
  store_id smallint unsigned NULL DEFAULT NULL COMMENT 'Store ID',
  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'Created At',
  updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'Updated At',
  product_id int unsigned NULL DEFAULT NULL COMMENT 'Product ID',
  product_type varchar(255) NULL DEFAULT NULL COMMENT 'Product Type',
  product_options longtext NULL COMMENT 'Product Options',
  weight decimal(12,4) NULL DEFAULT 0.0000 COMMENT 'Weight',
  is_virtual smallint unsigned NULL DEFAULT NULL COMMENT 'Is Virtual',
  sku varchar(255) NULL DEFAULT NULL COMMENT 'Sku',
  name varchar(255) NULL DEFAULT NULL COMMENT 'Name',
  description text NULL COMMENT 'Description',
  applied_rule_ids text NULL COMMENT 'Applied Rule Ids',
  additional_data text NULL COMMENT 'Additional Data',
  is_qty_decimal smallint unsigned NULL DEFAULT NULL COMMENT 'Is Qty Decimal',
  no_discount smallint unsigned NOT NULL DEFAULT 0 COMMENT 'No Discount',
  qty_backordered decimal(12,4) NULL DEFAULT 0.0000 COMMENT 'Qty Backordered',
  qty_canceled decimal(12,4) NULL DEFAULT 0.0000 COMMENT 'Qty Canceled',
  qty_invoiced decimal(12,4) NULL DEFAULT 0.0000 COMMENT 'Qty Invoiced',
  qty_ordered decimal(12,4) NULL DEFAULT 0.0000 COMMENT 'Qty Ordered',
  qty_refunded decimal(12,4) NULL DEFAULT 0.0000 COMMENT 'Qty Refunded',
  qty_shipped decimal(12,4) NULL DEFAULT 0.0000 COMMENT 'Qty Shipped',
  base_cost decimal(12,4) NULL DEFAULT 0.0000 COMMENT 'Base Cost',
  price decimal(20,4) NOT NULL DEFAULT 0.0000 COMMENT 'Price',
  base_price decimal(20,4) NOT NULL DEFAULT 0.0000 COMMENT 'Base Price',
  original_price decimal(20,4) NULL DEFAULT NULL COMMENT 'Original Price',
  base_original_price decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Original Price',
  tax_percent decimal(12,4) NULL DEFAULT 0.0000 COMMENT 'Tax Percent',
  tax_amount decimal(20,4) NULL DEFAULT 0.0000 COMMENT 'Tax Amount',
  base_tax_amount decimal(20,4) NULL DEFAULT 0.0000 COMMENT 'Base Tax Amount',
  tax_invoiced decimal(20,4) NULL DEFAULT 0.0000 COMMENT 'Tax Invoiced',
  base_tax_invoiced decimal(20,4) NULL DEFAULT 0.0000 COMMENT 'Base Tax Invoiced',
  discount_percent decimal(12,4) NULL DEFAULT 0.0000 COMMENT 'Discount Percent',
  discount_amount decimal(20,4) NULL DEFAULT 0.0000 COMMENT 'Discount Amount',
  base_discount_amount decimal(20,4) NULL DEFAULT 0.0000 COMMENT 'Base Discount Amount',
  discount_invoiced decimal(20,4) NULL DEFAULT 0.0000 COMMENT 'Discount Invoiced',
  base_discount_invoiced decimal(20,4) NULL DEFAULT 0.0000 COMMENT 'Base Discount Invoiced',
  amount_refunded decimal(20,4) NULL DEFAULT 0.0000 COMMENT 'Amount Refunded',
  base_amount_refunded decimal(20,4) NULL DEFAULT 0.0000 COMMENT 'Base Amount Refunded',
  row_total decimal(20,4) NOT NULL DEFAULT 0.0000 COMMENT 'Row Total',
  base_row_total decimal(20,4) NOT NULL DEFAULT 0.0000 COMMENT 'Base Row Total',
  row_invoiced decimal(20,4) NOT NULL DEFAULT 0.0000 COMMENT 'Row Invoiced',
  base_row_invoiced decimal(20,4) NOT NULL DEFAULT 0.0000 COMMENT 'Base Row Invoiced',
  row_weight decimal(12,4) NULL DEFAULT 0.0000 COMMENT 'Row Weight',
  base_tax_before_discount decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Tax Before Discount',
  tax_before_discount decimal(20,4) NULL DEFAULT NULL COMMENT 'Tax Before Discount',
  ext_order_item_id varchar(255) NULL DEFAULT NULL COMMENT 'Ext Order Item ID',
  locked_do_invoice smallint unsigned NULL DEFAULT NULL COMMENT 'Locked Do Invoice',
  locked_do_ship smallint unsigned NULL DEFAULT NULL COMMENT 'Locked Do Ship',
  price_incl_tax decimal(20,4) NULL DEFAULT NULL COMMENT 'Price Incl Tax',
  base_price_incl_tax decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Price Incl Tax',
  row_total_incl_tax decimal(20,4) NULL DEFAULT NULL COMMENT 'Row Total Incl Tax',
  base_row_total_incl_tax decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Row Total Incl Tax',
  discount_tax_compensation_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Discount Tax Compensation Amount',
  base_discount_tax_compensation_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Discount Tax Compensation Amount',
  discount_tax_compensation_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Discount Tax Compensation Invoiced',
  base_discount_tax_compensation_invoiced decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Discount Tax Compensation Invoiced',
  discount_tax_compensation_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Discount Tax Compensation Refunded',
  base_discount_tax_compensation_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Discount Tax Compensation Refunded',
  tax_canceled decimal(12,4) NULL DEFAULT NULL COMMENT 'Tax Canceled',
  discount_tax_compensation_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Discount Tax Compensation Canceled',
  tax_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Tax Refunded',
  base_tax_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Tax Refunded',
  discount_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Discount Refunded',
  base_discount_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Discount Refunded',
  free_shipping smallint unsigned NOT NULL DEFAULT 0 COMMENT 'Free Shipping',
  PRIMARY KEY (item_id),
  KEY SALES_ORDER_ITEM_ORDER_ID (order_id),
  KEY SALES_ORDER_ITEM_STORE_ID (store_id),
  CONSTRAINT SALES_ORDER_ITEM_ORDER_ID_SALES_ORDER_ENTITY_ID FOREIGN KEY (order_id)
    REFERENCES sales_order (entity_id) ON DELETE CASCADE,
  CONSTRAINT SALES_ORDER_ITEM_STORE_ID_STORE_STORE_ID FOREIGN KEY (store_id)
    REFERENCES store (store_id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Sales Flat Order Item';

CREATE TABLE sales_order_address (
  entity_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Entity ID',
  parent_id int unsigned NULL DEFAULT NULL COMMENT 'Parent ID',
  customer_address_id int NULL DEFAULT NULL COMMENT 'Customer Address ID',
  quote_address_id int NULL DEFAULT NULL COMMENT 'Quote Address ID',
  region_id int NULL DEFAULT NULL COMMENT 'Region ID',
  customer_id int NULL DEFAULT NULL COMMENT 'Customer ID',
  fax varchar(255) NULL DEFAULT NULL COMMENT 'Fax',
  region varchar(255) NULL DEFAULT NULL COMMENT 'Region',
  postcode varchar(255) NULL DEFAULT NULL COMMENT 'Postcode',
  lastname varchar(255) NULL DEFAULT NULL COMMENT 'Lastname',
  street varchar(255) NULL DEFAULT NULL COMMENT 'Street',
  city varchar(255) NULL DEFAULT NULL COMMENT 'City',
  email varchar(255) NULL DEFAULT NULL COMMENT 'Email',
  telephone varchar(255) NULL DEFAULT NULL COMMENT 'Phone Number',
  country_id varchar(2) NULL DEFAULT NULL COMMENT 'Country ID',
  firstname varchar(255) NULL DEFAULT NULL COMMENT 'Firstname',
  address_type varchar(255) NULL DEFAULT NULL COMMENT 'Address Type',
  prefix varchar(255) NULL DEFAULT NULL COMMENT 'Prefix',
  middlename varchar(255) NULL DEFAULT NULL COMMENT 'Middlename',
  suffix varchar(255) NULL DEFAULT NULL COMMENT 'Suffix',
  company varchar(255) NULL DEFAULT NULL COMMENT 'Company',
  vat_id text NULL COMMENT 'Vat ID',
  vat_is_valid smallint NULL DEFAULT NULL COMMENT 'Vat Is Valid',
  vat_request_id text NULL COMMENT 'Vat Request ID',
  vat_request_date text NULL COMMENT 'Vat Request Date',
  vat_request_success smallint NULL DEFAULT NULL COMMENT 'Vat Request Success',
  PRIMARY KEY (entity_id),
  KEY SALES_ORDER_ADDRESS_PARENT_ID (parent_id),
  CONSTRAINT SALES_ORDER_ADDRESS_PARENT_ID_SALES_ORDER_ENTITY_ID FOREIGN KEY (parent_id)
    REFERENCES sales_order (entity_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Sales Flat Order Address';

-- sales_order_payment: the columns the order JSON's "payment" object is built from (Magento's table also carries
-- the card-gateway columns cc_*, echeck_*, anet_* that no offline payment method writes).
CREATE TABLE sales_order_payment (
  entity_id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Entity ID',
  parent_id int unsigned NOT NULL COMMENT 'Parent ID',
  base_shipping_captured decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Shipping Captured',
  shipping_captured decimal(20,4) NULL DEFAULT NULL COMMENT 'Shipping Captured',
  amount_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Amount Refunded',
  base_amount_paid decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Amount Paid',
  amount_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Amount Canceled',
  base_amount_authorized decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Amount Authorized',
  base_amount_paid_online decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Amount Paid Online',
  base_amount_refunded_online decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Amount Refunded Online',
  base_shipping_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Shipping Amount',
  shipping_amount decimal(20,4) NULL DEFAULT NULL COMMENT 'Shipping Amount',
  amount_paid decimal(20,4) NULL DEFAULT NULL COMMENT 'Amount Paid',
  amount_authorized decimal(20,4) NULL DEFAULT NULL COMMENT 'Amount Authorized',
  base_amount_ordered decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Amount Ordered',
  base_shipping_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Shipping Refunded',
  shipping_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Shipping Refunded',
  base_amount_refunded decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Amount Refunded',
  amount_ordered decimal(20,4) NULL DEFAULT NULL COMMENT 'Amount Ordered',
  base_amount_canceled decimal(20,4) NULL DEFAULT NULL COMMENT 'Base Amount Canceled',
  quote_payment_id int NULL DEFAULT NULL COMMENT 'Quote Payment ID',
  additional_data text NULL COMMENT 'Additional Data',
  method varchar(128) NULL DEFAULT NULL COMMENT 'Method',
  last_trans_id varchar(255) NULL DEFAULT NULL COMMENT 'Last Trans ID',
  cc_last_4 varchar(100) NULL DEFAULT NULL COMMENT 'Cc Last 4',
  po_number varchar(32) NULL DEFAULT NULL COMMENT 'Po Number',
  account_status varchar(255) NULL DEFAULT NULL COMMENT 'Account Status',
  address_status varchar(255) NULL DEFAULT NULL COMMENT 'Address Status',
  additional_information text NULL COMMENT 'Additional Information',
  PRIMARY KEY (entity_id),
  KEY SALES_ORDER_PAYMENT_PARENT_ID (parent_id),
  CONSTRAINT SALES_ORDER_PAYMENT_PARENT_ID_SALES_ORDER_ENTITY_ID FOREIGN KEY (parent_id)
    REFERENCES sales_order (entity_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Sales Flat Order Payment';

-- ===============================================================================================================
-- Seed rows of a fresh install
-- ===============================================================================================================
-- Store/Setup/Patch/Schema/InitializeStoresAndWebsites; the Catalog patch later points group 1 at category 2.
INSERT INTO store_website (website_id, code, name, sort_order, default_group_id, is_default) VALUES
  (0, 'admin', 'Admin', 0, 0, 0),
  (1, 'base', 'Main Website', 0, 1, 1);
INSERT INTO store_group (group_id, website_id, name, root_category_id, default_store_id, code) VALUES
  (0, 0, 'Default', 0, 0, 'default'),
  (1, 1, 'Main Website Store', 2, 1, 'main_website_store');
INSERT INTO store (store_id, code, website_id, group_id, name, sort_order, is_active) VALUES
  (0, 'admin', 0, 0, 'Admin', 0, 1),
  (1, 'default', 1, 1, 'Default Store View', 0, 1);

INSERT INTO eav_entity_type (entity_type_id, entity_type_code, entity_model, attribute_model, entity_table,
    value_table_prefix, entity_id_field, is_data_sharing, data_sharing_key, default_attribute_set_id,
    increment_model, increment_per_store, increment_pad_length, increment_pad_char,
    additional_attribute_table, entity_attribute_collection) VALUES
  (1, 'customer', 'Magento\\Customer\\Model\\ResourceModel\\Customer', 'Magento\\Customer\\Model\\Attribute',
    'customer_entity', NULL, NULL, 1, 'default', 1, 'Magento\\Eav\\Model\\Entity\\Increment\\NumericValue', 0, 8, '0',
    'customer_eav_attribute', 'Magento\\Customer\\Model\\ResourceModel\\Attribute\\Collection'),
  (2, 'customer_address', 'Magento\\Customer\\Model\\ResourceModel\\Address', 'Magento\\Customer\\Model\\Attribute',
    'customer_address_entity', NULL, NULL, 1, 'default', 2, NULL, 0, 8, '0',
    'customer_eav_attribute', 'Magento\\Customer\\Model\\ResourceModel\\Address\\Attribute\\Collection'),
  (3, 'catalog_category', 'Magento\\Catalog\\Model\\ResourceModel\\Category',
    'Magento\\Catalog\\Model\\ResourceModel\\Eav\\Attribute', 'catalog_category_entity', NULL, NULL, 1, 'default', 3,
    NULL, 0, 8, '0', 'catalog_eav_attribute', 'Magento\\Catalog\\Model\\ResourceModel\\Category\\Attribute\\Collection'),
  (4, 'catalog_product', 'Magento\\Catalog\\Model\\ResourceModel\\Product',
    'Magento\\Catalog\\Model\\ResourceModel\\Eav\\Attribute', 'catalog_product_entity', NULL, NULL, 1, 'default', 4,
    NULL, 0, 8, '0', 'catalog_eav_attribute', 'Magento\\Catalog\\Model\\ResourceModel\\Product\\Attribute\\Collection'),
  (5, 'order', 'Magento\\Sales\\Model\\ResourceModel\\Order', NULL, 'sales_order', NULL, NULL, 1, 'default', 5,
    'Magento\\Eav\\Model\\Entity\\Increment\\NumericValue', 1, 8, '0', NULL, NULL),
  (6, 'invoice', 'Magento\\Sales\\Model\\ResourceModel\\Order\\Invoice', NULL, 'sales_invoice', NULL, NULL, 1,
    'default', 6, 'Magento\\Eav\\Model\\Entity\\Increment\\NumericValue', 1, 8, '0', NULL, NULL),
  (7, 'creditmemo', 'Magento\\Sales\\Model\\ResourceModel\\Order\\Creditmemo', NULL, 'sales_creditmemo', NULL, NULL, 1,
    'default', 7, 'Magento\\Eav\\Model\\Entity\\Increment\\NumericValue', 1, 8, '0', NULL, NULL),
  (8, 'shipment', 'Magento\\Sales\\Model\\ResourceModel\\Order\\Shipment', NULL, 'sales_shipment', NULL, NULL, 1,
    'default', 8, 'Magento\\Eav\\Model\\Entity\\Increment\\NumericValue', 1, 8, '0', NULL, NULL);

INSERT INTO eav_attribute_set (attribute_set_id, entity_type_id, attribute_set_name, sort_order) VALUES
  (1, 1, 'Default', 2), (2, 2, 'Default', 2), (3, 3, 'Default', 1), (4, 4, 'Default', 1),
  (5, 5, 'Default', 1), (6, 6, 'Default', 1), (7, 7, 'Default', 1), (8, 8, 'Default', 1);

-- Attributes in install order (CustomerSetup, CategorySetup, then the modules that add product attributes), with
-- ids from AUTO_INCREMENT as on a real install: consumers resolve attribute_code -> attribute_id per install.
INSERT INTO eav_attribute (entity_type_id, attribute_code, backend_type, frontend_input, frontend_label,
    is_required, is_user_defined, default_value, is_unique) VALUES
  (1, 'website_id', 'static', 'select', 'Associate to Website', 1, 0, NULL, 0),
  (1, 'store_id', 'static', 'select', 'Create In', 1, 0, NULL, 0),
  (1, 'created_in', 'static', 'text', 'Created From', 0, 0, NULL, 0),
  (1, 'prefix', 'static', 'text', 'Name Prefix', 0, 0, NULL, 0),
  (1, 'firstname', 'static', 'text', 'First Name', 1, 0, NULL, 0),
  (1, 'middlename', 'static', 'text', 'Middle Name/Initial', 0, 0, NULL, 0),
  (1, 'lastname', 'static', 'text', 'Last Name', 1, 0, NULL, 0),
  (1, 'suffix', 'static', 'text', 'Name Suffix', 0, 0, NULL, 0),
  (1, 'email', 'static', 'text', 'Email', 1, 0, NULL, 0),
  (1, 'group_id', 'static', 'select', 'Group', 1, 0, NULL, 0),
  (1, 'dob', 'static', 'date', 'Date of Birth', 0, 0, NULL, 0),
  (1, 'password_hash', 'static', 'hidden', NULL, 0, 0, NULL, 0),
  (1, 'rp_token', 'static', 'hidden', NULL, 0, 0, NULL, 0),
  (1, 'rp_token_created_at', 'static', 'date', NULL, 0, 0, NULL, 0),
  (1, 'default_billing', 'static', 'text', 'Default Billing Address', 0, 0, NULL, 0),
  (1, 'default_shipping', 'static', 'text', 'Default Shipping Address', 0, 0, NULL, 0),
  (1, 'taxvat', 'static', 'text', 'Tax/VAT Number', 0, 0, NULL, 0),
  (1, 'confirmation', 'static', 'text', 'Is Confirmed', 0, 0, NULL, 0),
  (1, 'created_at', 'static', 'date', 'Created At', 0, 0, NULL, 0),
  (1, 'gender', 'static', 'select', 'Gender', 0, 0, NULL, 0),
  (1, 'disable_auto_group_change', 'static', 'boolean', 'Disable Automatic Group Change Based on VAT ID', 0, 0, NULL, 0),
  (2, 'prefix', 'static', 'text', 'Name Prefix', 0, 0, NULL, 0),
  (2, 'firstname', 'static', 'text', 'First Name', 1, 0, NULL, 0),
  (2, 'middlename', 'static', 'text', 'Middle Name/Initial', 0, 0, NULL, 0),
  (2, 'lastname', 'static', 'text', 'Last Name', 1, 0, NULL, 0),
  (2, 'suffix', 'static', 'text', 'Name Suffix', 0, 0, NULL, 0),
  (2, 'company', 'static', 'text', 'Company', 0, 0, NULL, 0),
  (2, 'street', 'static', 'multiline', 'Street Address', 1, 0, NULL, 0),
  (2, 'city', 'static', 'text', 'City', 1, 0, NULL, 0),
  (2, 'country_id', 'static', 'select', 'Country', 1, 0, NULL, 0),
  (2, 'region', 'static', 'text', 'State/Province', 0, 0, NULL, 0),
  (2, 'region_id', 'static', 'hidden', 'State/Province', 0, 0, NULL, 0),
  (2, 'postcode', 'static', 'text', 'Zip/Postal Code', 0, 0, NULL, 0),
  (2, 'telephone', 'static', 'text', 'Phone Number', 1, 0, NULL, 0),
  (2, 'fax', 'static', 'text', 'Fax', 0, 0, NULL, 0),
  (1, 'updated_at', 'static', 'date', 'Updated At', 0, 0, NULL, 0),
  (3, 'name', 'varchar', 'text', 'Name', 1, 0, NULL, 0),
  (3, 'is_active', 'int', 'select', 'Is Active', 1, 0, NULL, 0),
  (3, 'description', 'text', 'textarea', 'Description', 0, 0, NULL, 0),
  (3, 'image', 'varchar', 'image', 'Image', 0, 0, NULL, 0),
  (3, 'meta_title', 'varchar', 'text', 'Page Title', 0, 0, NULL, 0),
  (3, 'meta_keywords', 'text', 'textarea', 'Meta Keywords', 0, 0, NULL, 0),
  (3, 'meta_description', 'text', 'textarea', 'Meta Description', 0, 0, NULL, 0),
  (3, 'display_mode', 'varchar', 'select', 'Display Mode', 0, 0, NULL, 0),
  (3, 'landing_page', 'int', 'select', 'CMS Block', 0, 0, NULL, 0),
  (3, 'is_anchor', 'int', 'select', 'Is Anchor', 0, 0, '1', 0),
  (3, 'path', 'static', 'text', 'Path', 0, 0, NULL, 0),
  (3, 'position', 'static', 'text', 'Position', 0, 0, NULL, 0),
  (3, 'all_children', 'text', 'text', NULL, 0, 0, NULL, 0),
  (3, 'path_in_store', 'text', 'text', NULL, 0, 0, NULL, 0),
  (3, 'children', 'text', 'text', NULL, 0, 0, NULL, 0),
  (3, 'custom_design', 'varchar', 'select', 'Custom Design', 0, 0, NULL, 0),
  (3, 'custom_design_from', 'datetime', 'date', 'Active From', 0, 0, NULL, 0),
  (3, 'custom_design_to', 'datetime', 'date', 'Active To', 0, 0, NULL, 0),
  (3, 'page_layout', 'varchar', 'select', 'Page Layout', 0, 0, NULL, 0),
  (3, 'custom_layout_update', 'text', 'textarea', 'Custom Layout Update', 0, 0, NULL, 0),
  (3, 'level', 'static', 'text', 'Level', 0, 0, NULL, 0),
  (3, 'children_count', 'static', 'text', 'Children Count', 0, 0, NULL, 0),
  (3, 'available_sort_by', 'text', 'multiselect', 'Available Product Listing Sort By', 1, 0, NULL, 0),
  (3, 'default_sort_by', 'varchar', 'select', 'Default Product Listing Sort By', 1, 0, NULL, 0),
  (3, 'include_in_menu', 'int', 'select', 'Include in Navigation Menu', 1, 0, '1', 0),
  (3, 'custom_use_parent_settings', 'int', 'select', 'Use Parent Category Settings', 0, 0, NULL, 0),
  (3, 'custom_apply_to_products', 'int', 'select', 'Apply To Products', 0, 0, NULL, 0),
  (3, 'filter_price_range', 'decimal', 'text', 'Layered Navigation Price Step', 0, 0, NULL, 0),
  (4, 'name', 'varchar', 'text', 'Product Name', 1, 0, NULL, 0),
  (4, 'sku', 'static', 'text', 'SKU', 1, 0, NULL, 1),
  (4, 'description', 'text', 'textarea', 'Description', 0, 0, NULL, 0),
  (4, 'short_description', 'text', 'textarea', 'Short Description', 0, 0, NULL, 0),
  (4, 'price', 'decimal', 'price', 'Price', 1, 0, NULL, 0),
  (4, 'special_price', 'decimal', 'price', 'Special Price', 0, 0, NULL, 0),
  (4, 'special_from_date', 'datetime', 'date', 'Special Price From Date', 0, 0, NULL, 0),
  (4, 'special_to_date', 'datetime', 'date', 'Special Price To Date', 0, 0, NULL, 0),
  (4, 'cost', 'decimal', 'price', 'Cost', 0, 1, NULL, 0),
  (4, 'weight', 'decimal', 'weight', 'Weight', 0, 0, NULL, 0),
  (4, 'manufacturer', 'int', 'select', 'Manufacturer', 0, 1, NULL, 0),
  (4, 'meta_title', 'varchar', 'text', 'Meta Title', 0, 0, NULL, 0),
  (4, 'meta_keyword', 'text', 'textarea', 'Meta Keywords', 0, 0, NULL, 0),
  (4, 'meta_description', 'varchar', 'textarea', 'Meta Description', 0, 0, NULL, 0),
  (4, 'image', 'varchar', 'media_image', 'Base', 0, 0, NULL, 0),
  (4, 'small_image', 'varchar', 'media_image', 'Small', 0, 0, NULL, 0),
  (4, 'thumbnail', 'varchar', 'media_image', 'Thumbnail', 0, 0, NULL, 0),
  (4, 'media_gallery', 'varchar', 'gallery', 'Media Gallery', 0, 0, NULL, 0),
  (4, 'old_id', 'int', 'text', NULL, 0, 0, NULL, 0),
  (4, 'tier_price', 'decimal', 'text', 'Tier Price', 0, 0, NULL, 0),
  (4, 'color', 'int', 'select', 'Color', 0, 1, NULL, 0),
  (4, 'news_from_date', 'datetime', 'date', 'Set Product as New from Date', 0, 0, NULL, 0),
  (4, 'news_to_date', 'datetime', 'date', 'Set Product as New to Date', 0, 0, NULL, 0),
  (4, 'gallery', 'varchar', 'gallery', 'Image Gallery', 0, 0, NULL, 0),
  (4, 'status', 'int', 'select', 'Enable Product', 0, 0, '1', 0),
  (4, 'minimal_price', 'decimal', 'price', 'Minimal Price', 0, 0, NULL, 0),
  (4, 'visibility', 'int', 'select', 'Visibility', 0, 0, '4', 0),
  (4, 'custom_design', 'varchar', 'select', 'New Theme', 0, 0, NULL, 0),
  (4, 'custom_design_from', 'datetime', 'date', 'Active From', 0, 0, NULL, 0),
  (4, 'custom_design_to', 'datetime', 'date', 'Active To', 0, 0, NULL, 0),
  (4, 'custom_layout_update', 'text', 'textarea', 'Layout Update XML', 0, 0, NULL, 0),
  (4, 'page_layout', 'varchar', 'select', 'Layout', 0, 0, NULL, 0),
  (4, 'category_ids', 'static', 'categories', 'Categories', 0, 0, NULL, 0),
  (4, 'options_container', 'varchar', 'select', 'Display Product Options In', 0, 0, 'container2', 0),
  (4, 'required_options', 'static', 'text', NULL, 0, 0, NULL, 0),
  (4, 'has_options', 'static', 'text', NULL, 0, 0, NULL, 0),
  (4, 'image_label', 'varchar', 'text', 'Image Label', 0, 0, NULL, 0),
  (4, 'small_image_label', 'varchar', 'text', 'Small Image Label', 0, 0, NULL, 0),
  (4, 'thumbnail_label', 'varchar', 'text', 'Thumbnail Label', 0, 0, NULL, 0),
  (4, 'created_at', 'static', 'date', NULL, 1, 0, NULL, 0),
  (4, 'updated_at', 'static', 'date', NULL, 1, 0, NULL, 0),
  (4, 'country_of_manufacture', 'varchar', 'select', 'Country of Manufacture', 0, 0, NULL, 0),
  (4, 'quantity_and_stock_status', 'int', 'select', 'Quantity', 0, 0, '1', 0),
  (4, 'custom_layout', 'varchar', 'select', 'New Layout', 0, 0, NULL, 0),
  (3, 'url_key', 'varchar', 'text', 'URL Key', 0, 0, NULL, 0),
  (3, 'url_path', 'varchar', 'text', NULL, 0, 0, NULL, 0),
  (4, 'url_key', 'varchar', 'text', 'URL Key', 0, 0, NULL, 0),
  (4, 'url_path', 'varchar', 'text', NULL, 0, 0, NULL, 0),
  (4, 'msrp', 'decimal', 'price', 'Minimum Advertised Price', 0, 0, NULL, 0),
  (4, 'msrp_display_actual_price_type', 'varchar', 'select', 'Display Actual Price', 0, 0, '0', 0),
  (4, 'gift_message_available', 'varchar', 'boolean', 'Allow Gift Message', 0, 0, NULL, 0),
  (4, 'swatch_image', 'varchar', 'media_image', 'Swatch', 0, 0, NULL, 0),
  (4, 'tax_class_id', 'int', 'select', 'Tax Class', 0, 0, '2', 0);

-- Product and category attribute properties; is_global: 0 = store view, 1 = global, 2 = website.
INSERT INTO catalog_eav_attribute (attribute_id, is_global, is_searchable, is_filterable, is_comparable,
    is_visible_on_front, is_html_allowed_on_front, used_in_product_listing, used_for_sort_by, apply_to,
    is_visible_in_advanced_search, is_wysiwyg_enabled, is_used_in_grid, is_visible_in_grid, is_filterable_in_grid)
SELECT a.attribute_id, p.is_global, p.searchable, 0, 0, 0, p.html, p.listing, p.sort_by, p.apply_to,
    p.searchable, p.wysiwyg, p.grid, p.grid, p.grid
FROM eav_attribute a
JOIN (
  SELECT 4 AS entity_type_id, 'name' AS code, 0 AS is_global, 1 AS searchable, 0 AS html, 1 AS listing, 1 AS sort_by, NULL AS apply_to, 0 AS wysiwyg, 1 AS grid
  UNION ALL SELECT 4, 'sku', 1, 1, 0, 0, 0, NULL, 0, 1
  UNION ALL SELECT 4, 'description', 0, 1, 1, 0, 0, NULL, 1, 0
  UNION ALL SELECT 4, 'short_description', 0, 1, 1, 1, 0, NULL, 1, 0
  UNION ALL SELECT 4, 'price', 2, 1, 0, 1, 1, 'simple,virtual,bundle,downloadable,configurable', 0, 1
  UNION ALL SELECT 4, 'special_price', 2, 0, 0, 1, 0, 'simple,virtual,bundle,downloadable,configurable', 0, 1
  UNION ALL SELECT 4, 'special_from_date', 2, 0, 0, 1, 0, 'simple,virtual,bundle,downloadable,configurable', 0, 1
  UNION ALL SELECT 4, 'special_to_date', 2, 0, 0, 1, 0, 'simple,virtual,bundle,downloadable,configurable', 0, 1
  UNION ALL SELECT 4, 'cost', 2, 0, 0, 0, 0, 'simple,virtual,downloadable,configurable', 0, 1
  UNION ALL SELECT 4, 'weight', 1, 0, 0, 0, 0, 'simple,virtual,bundle,downloadable,configurable', 0, 1
  UNION ALL SELECT 4, 'manufacturer', 1, 0, 0, 0, 0, 'simple,virtual,configurable', 0, 1
  UNION ALL SELECT 4, 'meta_title', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'meta_keyword', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'meta_description', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'image', 0, 0, 0, 1, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'small_image', 0, 0, 0, 1, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'thumbnail', 0, 0, 0, 1, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'media_gallery', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'old_id', 1, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'tier_price', 2, 0, 0, 0, 0, 'simple,virtual,bundle,downloadable,configurable', 0, 0
  UNION ALL SELECT 4, 'color', 1, 0, 0, 0, 0, 'simple,virtual,configurable', 0, 1
  UNION ALL SELECT 4, 'news_from_date', 2, 0, 0, 1, 0, NULL, 0, 1
  UNION ALL SELECT 4, 'news_to_date', 2, 0, 0, 1, 0, NULL, 0, 1
  UNION ALL SELECT 4, 'gallery', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'status', 2, 0, 0, 1, 0, NULL, 0, 1
  UNION ALL SELECT 4, 'minimal_price', 0, 0, 0, 0, 0, 'simple,virtual,bundle,downloadable,configurable', 0, 0
  UNION ALL SELECT 4, 'visibility', 0, 0, 0, 0, 0, NULL, 0, 1
  UNION ALL SELECT 4, 'custom_design', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'custom_design_from', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'custom_design_to', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'custom_layout_update', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'page_layout', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'category_ids', 1, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'options_container', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'required_options', 1, 0, 0, 1, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'has_options', 1, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'image_label', 0, 0, 0, 1, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'small_image_label', 0, 0, 0, 1, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'thumbnail_label', 0, 0, 0, 1, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'created_at', 1, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'updated_at', 1, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'country_of_manufacture', 2, 0, 0, 0, 0, 'simple,virtual,bundle,downloadable,configurable', 0, 1
  UNION ALL SELECT 4, 'quantity_and_stock_status', 1, 0, 0, 0, 0, 'simple,virtual,bundle,downloadable,configurable', 0, 0
  UNION ALL SELECT 4, 'custom_layout', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'url_key', 0, 0, 0, 1, 0, NULL, 0, 1
  UNION ALL SELECT 4, 'url_path', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'msrp', 2, 0, 0, 1, 0, 'simple,virtual,downloadable,configurable', 0, 0
  UNION ALL SELECT 4, 'msrp_display_actual_price_type', 2, 0, 0, 1, 0, 'simple,virtual,downloadable,configurable', 0, 0
  UNION ALL SELECT 4, 'gift_message_available', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'swatch_image', 0, 0, 0, 1, 0, NULL, 0, 0
  UNION ALL SELECT 4, 'tax_class_id', 2, 1, 0, 1, 0, 'simple,virtual,downloadable,configurable', 0, 1
  UNION ALL SELECT 3, 'name', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'is_active', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'description', 0, 0, 1, 0, 0, NULL, 1, 0
  UNION ALL SELECT 3, 'image', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'meta_title', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'meta_keywords', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'meta_description', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'display_mode', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'landing_page', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'is_anchor', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'path', 1, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'position', 1, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'all_children', 1, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'path_in_store', 1, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'children', 1, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'custom_design', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'custom_design_from', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'custom_design_to', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'page_layout', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'custom_layout_update', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'level', 1, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'children_count', 1, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'available_sort_by', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'default_sort_by', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'include_in_menu', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'custom_use_parent_settings', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'custom_apply_to_products', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'filter_price_range', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'url_key', 0, 0, 0, 0, 0, NULL, 0, 0
  UNION ALL SELECT 3, 'url_path', 0, 0, 0, 0, 0, NULL, 0, 0
) p ON p.entity_type_id = a.entity_type_id AND p.code = a.attribute_code;

-- Catalog/Setup/Patch/Data/InstallDefaultCategories: the tree root (1) and "Default Category" (2).
INSERT INTO catalog_category_entity (entity_id, attribute_set_id, parent_id, path, position, level, children_count) VALUES
  (1, 3, 0, '1', 0, 0, 1),
  (2, 3, 1, '1/2', 1, 1, 0);

INSERT INTO cataloginventory_stock (stock_id, website_id, stock_name) VALUES (1, 0, 'Default');

SET SESSION foreign_key_checks = 1;
