# shellcheck shell=bash
# A test's own nginx, run without root's paths: `write_test_nginx_conf DIR CONNECTIONS` writes
# DIR/nginx.conf (pid, temporary files and logs in DIR, DIR/logs must exist) around the site the
# test rendered into DIR/site.conf. Sourced by tests/deploy/nginx_test.sh and the cluster test.
write_test_nginx_conf() {
  local ngx="$1" connections="$2"
  cat >"$ngx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $ngx/nginx.pid;
error_log $ngx/logs/error.log;
events { worker_connections $connections; }
http {
  client_body_temp_path $ngx/client_body;
  proxy_temp_path $ngx/proxy;
  fastcgi_temp_path $ngx/fastcgi;
  uwsgi_temp_path $ngx/uwsgi;
  scgi_temp_path $ngx/scgi;
  access_log $ngx/logs/access.log;
  include $ngx/site.conf;
}
EOF
}
