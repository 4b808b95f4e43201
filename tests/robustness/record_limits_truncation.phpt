--TEST--
Per-record limits (src/record/limits.h): 64 000 tags, metadata keys and tool-call types are cut to 128 tags, 128 metadata span attributes and 64 tool-call types, with one warning per record naming what was dropped and the limit
--INI--
spectra.otel.exporter=console
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(function ($event) use (&$records) { $records[] = $event->request; });
$n = 64000;
$tags = [];
$metadata = [];
$calls = [];
for ($i = 0; $i < $n; $i++) {
    $tags[] = "tag$i";
    $metadata["key$i"] = $i;
    $calls[] = ['id' => "call_$i", 'type' => "type$i"];
}
$ok = ['usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1]];

echo "-- per-call tags, with duplicates and global tags\n";
Spectra::addGlobalTags(['global-a', 'global-b', 'global-a']);
Spectra::track('openai', 'gpt-4o-mini', function ($ctx) {
    $ctx->addTag('global-a')->addTag('from-context');
    return ['usage' => ['prompt_tokens' => 1]];
}, ['tags' => array_merge(['tag0', 'tag0'], $tags)]);
$r = array_pop($records);
var_dump(count($r['tags']), $r['tags'][0], $r['tags'][1], $r['tags'][2], $r['tags'][127]);
Spectra::clearGlobals();

echo "-- addTag() one at a time\n";
Spectra::track('openai', 'gpt-4o-mini', function ($ctx) use ($tags) {
    foreach ($tags as $tag) {
        $ctx->addTag($tag);
    }
    $ctx->addTag('tag5'); // already there: neither added nor dropped
    return [];
});
var_dump(count(array_pop($records)['tags']));

echo "-- global tags are capped too\n";
Spectra::addGlobalTags($tags);
Spectra::track('openai', 'gpt-4o-mini', fn () => [], ['tags' => ['one-more']]);
var_dump(count(array_pop($records)['tags']));
Spectra::clearGlobals();

echo "-- metadata: the record keeps every key, the span exports 128\n";
// the console line ends with the 128th key: metadata attributes come last, in key order
Spectra::track('openai', 'gpt-4o-mini', fn () => $ok, ['metadata' => $metadata + ['nested' => ['a' => 1]]]);
var_dump(count(array_pop($records)['metadata']));

echo "-- tool-call types from the response\n";
$response = ['object' => 'chat.completion', 'usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1],
    'choices' => [['finish_reason' => 'tool_calls', 'message' => ['tool_calls' => array_merge($calls, [['type' => 'type0']])]]]];
Spectra::track('openai', 'gpt-4o-mini', fn () => $response);
$r = array_pop($records);
var_dump(count($r['tool_call_counts']), $r['tool_call_counts']['type0'], $r['has_tool_calls']);

echo "-- under the limits: no warning\n";
Spectra::track('openai', 'gpt-4o-mini', fn () => $ok, ['tags' => array_slice($tags, 0, 128), 'metadata' => array_slice($metadata, 0, 128)]);
echo "done\n";
?>
--EXPECTF--
-- per-call tags, with duplicates and global tags

Warning: Spectra\Spectra::track(): Spectra: record %s is over its limits: 63875 tags dropped (at most 128 per record) in %s on line %d
span chat gpt-4o-mini %s
int(128)
string(8) "global-a"
string(8) "global-b"
string(4) "tag0"
string(6) "tag125"
-- addTag() one at a time

Warning: Spectra\Spectra::track(): Spectra: record %s is over its limits: 63872 tags dropped (at most 128 per record) in %s on line %d
span chat gpt-4o-mini %s
int(128)
-- global tags are capped too

Warning: Spectra\Spectra::track(): Spectra: record %s is over its limits: 63873 tags dropped (at most 128 per record) in %s on line %d
span chat gpt-4o-mini %s
int(128)
-- metadata: the record keeps every key, the span exports 128

Warning: Spectra\Spectra::track(): Spectra: record %s is over its limits: 63872 metadata values not exported as span attributes (at most 128) in %s on line %d
span chat gpt-4o-mini %s spectra.metadata.key0=0 %s spectra.metadata.key127=127
int(64001)
-- tool-call types from the response

Warning: Spectra\Spectra::track(): Spectra: record %s is over its limits: 63936 tool calls of further types not counted (at most 64 types) in %s on line %d
span chat gpt-4o-mini %s spectra.tool_calls.type0=2 %s spectra.tool_calls.type63=1
int(64)
int(2)
bool(true)
-- under the limits: no warning
span chat gpt-4o-mini %s
done
