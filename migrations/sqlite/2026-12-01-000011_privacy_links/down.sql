DROP TABLE login_throttle;
DROP TABLE address_feeds;
DROP TABLE access_links;
