package dev.ficus.gateway.shadow;

import java.util.List;

/** One shadow read whose answer differed from Magento's, kept for inspection. */
public record ShadowDifference(String at, String domain, String path, int magentoStatus, int serviceStatus,
                               List<String> differences) {
}
