dnl ext-spectra build configuration
dnl enabled by default: built standalone (phpize, pecl, PIE) this extension is the point
PHP_ARG_ENABLE([spectra],
  [whether to enable spectra support],
  [AS_HELP_STRING([--disable-spectra], [Disable Spectra AI observability])],
  [yes])

PHP_ARG_ENABLE([spectra-werror],
  [whether to build spectra with -Werror],
  [AS_HELP_STRING([--enable-spectra-werror], [Spectra: treat warnings as errors (CI)])],
  [no], [no])

if test "$PHP_SPECTRA" != "no"; then
  PKG_CHECK_MODULES([CURL], [libcurl >= 7.32.0])
  PHP_EVAL_LIBLINE($CURL_LIBS, SPECTRA_SHARED_LIBADD)
  PHP_EVAL_INCLINE($CURL_CFLAGS)

  PKG_CHECK_MODULES([PROTOBUF_C], [libprotobuf-c >= 1.3.0])
  PHP_EVAL_LIBLINE($PROTOBUF_C_LIBS, SPECTRA_SHARED_LIBADD)
  PHP_EVAL_INCLINE($PROTOBUF_C_CFLAGS)

  PKG_CHECK_MODULES([ZLIB], [zlib])
  PHP_EVAL_LIBLINE($ZLIB_LIBS, SPECTRA_SHARED_LIBADD)
  PHP_EVAL_INCLINE($ZLIB_CFLAGS)

  PHP_ADD_LIBRARY(pthread, 1, SPECTRA_SHARED_LIBADD)
  PHP_ADD_LIBRARY(m, 1, SPECTRA_SHARED_LIBADD)
  PHP_SUBST(SPECTRA_SHARED_LIBADD)

  SPECTRA_CFLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -I@ext_srcdir@/src/otlp/gen"
  if test "$PHP_SPECTRA_WERROR" != "no"; then
    SPECTRA_CFLAGS="$SPECTRA_CFLAGS -Werror"
  fi

  SPECTRA_SOURCES="spectra.c \
    src/util/buf.c \
    src/util/json_reader.c \
    src/util/redact.c \
    src/util/hex.c \
    src/util/kv_list.c \
    src/util/url_parts.c \
    src/util/curl_errors.c \
    src/stream/event_stream.c \
    src/stream/json_stream.c \
    src/stream/stream_usage.c \
    src/stream/delta_skim.c \
    src/stream/stream_reader.c \
    src/stream/stream_record.c \
    src/stream/sse.c \
    src/record/record.c \
    src/record/clock.c \
    src/record/random_id.c \
    src/record/trace_context.c \
    src/providers/endpoints.c \
    src/providers/hosts.c \
    src/providers/host_verdicts.c \
    src/providers/providers.c \
    src/pricing/pricing.c \
    src/pricing/pricing_file.c \
    src/pricing/catalog_data.c \
    src/pricing/price_record.c \
    src/pricing/price_compute.c \
    src/pricing/model_match.c \
    src/span/span.c \
    src/span/native_builder.c \
    src/span/genai_attributes.c \
    src/span/span_job.c \
    src/otlp/otlp.c \
    src/otlp/encode_protobuf.c \
    src/otlp/span_wire.c \
    src/otlp/record_wire.c \
    src/otlp/encode_json.c \
    src/otlp/console.c \
    src/otlp/utf8.c \
    src/otlp/gen/opentelemetry/proto/common/v1/common.pb-c.c \
    src/otlp/gen/opentelemetry/proto/resource/v1/resource.pb-c.c \
    src/otlp/gen/opentelemetry/proto/trace/v1/trace.pb-c.c \
    src/otlp/gen/opentelemetry/proto/collector/trace/v1/trace_service.pb-c.c \
    src/export/export_config.c \
    src/export/exporter.c \
    src/export/transport.c \
    src/export/retry.c \
    src/export/queue.c \
    src/export/job_weight.c \
    src/export/span_batch.c \
    src/php/sandbox/sandbox.c \
    src/php/capture/context.c \
    src/php/capture/options.c \
    src/php/capture/trace.c \
    src/php/api/spectra_api.c \
    src/php/extract/zval_read.c \
    src/php/extract/extract.c \
    src/php/extract/openai.c \
    src/php/extract/usage_map.c \
    src/php/extract/gemini.c \
    src/php/extract/replicate.c \
    src/php/extract/request_parameters.c \
    src/php/content/messages.c \
    src/php/publish/publish.c \
    src/php/publish/record_array.c \
    src/php/span_bridge/native_input.c \
    src/php/span_bridge/php_bridge.c \
    src/php/span_bridge/span_stage.c \
    src/php/settings/export_settings.c \
    src/php/settings/settings_display.c \
    src/php/settings/fpm_config_check.c \
    src/php/settings/provider_hosts.c \
    src/php/delivery/emit.c \
    src/php/delivery/fpm_termination.c \
    src/php/pipeline/pipeline.c \
    src/php/stream/chunk_skim.c \
    src/php/stream/chunk_tree.c \
    src/php/stream/stream_generator.c \
    src/php/stream/stream_observer.c \
    src/php/curl/curl_handles.c \
    src/php/curl/curl_tee.c \
    src/php/curl/curl_request.c \
    src/php/curl/curl_stream.c \
    src/php/curl/curl_capture.c"

  PHP_NEW_EXTENSION(spectra, $SPECTRA_SOURCES, $ext_shared,, $SPECTRA_CFLAGS)
  for dir in src/util src/providers src/record src/stream src/pricing src/span src/otlp src/export \
             src/php/sandbox src/php/api src/php/capture src/php/extract src/php/content src/php/publish src/php/span_bridge src/php/settings src/php/delivery src/php/pipeline src/php/stream src/php/curl \
             src/otlp/gen/opentelemetry/proto/common/v1 src/otlp/gen/opentelemetry/proto/resource/v1 \
             src/otlp/gen/opentelemetry/proto/trace/v1 src/otlp/gen/opentelemetry/proto/collector/trace/v1; do
    PHP_ADD_BUILD_DIR([$ext_builddir/$dir])
  done
  PHP_ADD_INCLUDE([$ext_srcdir/src/otlp/gen])
fi
