--TEST--
RequestContext wraps native state: serialize, unserialize and clone refuse it, and no method dereferences a missing record
--EXTENSIONS--
spectra
--FILE--
<?php
use Spectra\Spectra;

$ctx = Spectra::startRequest('openai', 'gpt-4o-mini');
try {
    serialize($ctx);
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// a payload shaped like a serialized RequestContext (what an attacker or a cache could hand back)
$payload = 'O:22:"Spectra\RequestContext":0:{}';
try {
    $copy = unserialize($payload);
    echo "unserialized: ", get_debug_type($copy), "\n";
    foreach (['forTrackable' => ['App\Team', 1], 'inConversation' => ['c1'], 'withPricingTier' => ['batch']] as $method => $args) {
        try {
            $copy->$method(...$args);
            echo "$method: no error\n";
        } catch (Error $e) {
            echo "$method: ", $e->getMessage(), "\n";
        }
    }
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $clone = clone $ctx;
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// the original still works
$record = Spectra::recordSuccess($ctx->forTrackable('App\Team', 7)->inConversation('c9'), ['usage' => ['prompt_tokens' => 3, 'completion_tokens' => 4]]);
echo $record['trackable_id'], ' ', $record['conversation_id'], ' ', $record['total_tokens'], "\n";
?>
--EXPECT--
Exception: Serialization of 'Spectra\RequestContext' is not allowed
Exception: Unserialization of 'Spectra\RequestContext' is not allowed
Error: Trying to clone an uncloneable object of class Spectra\RequestContext
7 c9 7
