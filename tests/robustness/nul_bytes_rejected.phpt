--TEST--
Strings that become C strings reject NUL bytes with a ValueError naming the argument or option ("standard\0x" was accepted as standard): provider, model, pricing tier, tags, conversation id, trackable type, url and the other string options
--FILE--
<?php
use Spectra\Spectra;

function attempt(string $label, callable $fn): void
{
    try {
        $fn();
        echo "$label: accepted\n";
    } catch (\Throwable $e) {
        echo "$label: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$ok = fn () => [];
$nul = "standard\0x";
attempt('provider', fn () => Spectra::track("open\0ai", 'gpt-4o-mini', $ok));
attempt('model', fn () => Spectra::startRequest('openai', "gpt\0-4o"));
foreach (['pricing_tier', 'conversation_id', 'trackable_type', 'url', 'endpoint', 'server_address', 'operation', 'model_type', 'reasoning_effort'] as $option) {
    attempt("option $option", fn () => Spectra::track('openai', 'gpt-4o-mini', $ok, [$option => $nul]));
}
attempt('option tags', fn () => Spectra::track('openai', 'gpt-4o-mini', $ok, ['tags' => ['fine', "bad\0tag"]]));
attempt('addGlobalTags', fn () => Spectra::addGlobalTags(["a\0b"]));
attempt('Spectra::withPricingTier', fn () => Spectra::withPricingTier($nul));
attempt('Spectra::forTrackable', fn () => Spectra::forTrackable("App\0Team", 1));
$ctx = Spectra::startRequest('openai', 'gpt-4o-mini');
attempt('addTag', fn () => $ctx->addTag("a\0b"));
attempt('inConversation', fn () => $ctx->inConversation("c\0d"));
attempt('RequestContext::withPricingTier', fn () => $ctx->withPricingTier($nul));
attempt('RequestContext::forTrackable', fn () => $ctx->forTrackable("App\0Team", 1));

// nothing half-applied: the globals and the context are as before
$record = Spectra::recordSuccess($ctx, ['usage' => ['prompt_tokens' => 1]]);
var_dump($record['tags'], $record['pricing_tier'] /* the default, from pricing */, $record['conversation_id'], $record['trackable_type']);
// a plain tier still works
var_dump(Spectra::track('openai', 'gpt-4o-mini', fn () => 'ok', ['pricing_tier' => 'standard']));
?>
--EXPECT--
provider: ValueError: Spectra\Spectra::track(): Argument #1 ($provider) must not contain any null bytes
model: ValueError: Spectra\Spectra::startRequest(): Argument #2 ($model) must not contain any null bytes
option pricing_tier: ValueError: Spectra\Spectra::track(): Argument #4 ($options) option "pricing_tier" must not contain any null bytes
option conversation_id: ValueError: Spectra\Spectra::track(): Argument #4 ($options) option "conversation_id" must not contain any null bytes
option trackable_type: ValueError: Spectra\Spectra::track(): Argument #4 ($options) option "trackable_type" must not contain any null bytes
option url: ValueError: Spectra\Spectra::track(): Argument #4 ($options) option "url" must not contain any null bytes
option endpoint: ValueError: Spectra\Spectra::track(): Argument #4 ($options) option "endpoint" must not contain any null bytes
option server_address: ValueError: Spectra\Spectra::track(): Argument #4 ($options) option "server_address" must not contain any null bytes
option operation: ValueError: Spectra\Spectra::track(): Argument #4 ($options) option "operation" must not contain any null bytes
option model_type: ValueError: Spectra\Spectra::track(): Argument #4 ($options) option "model_type" must not contain any null bytes
option reasoning_effort: ValueError: Spectra\Spectra::track(): Argument #4 ($options) option "reasoning_effort" must not contain any null bytes
option tags: ValueError: Spectra\Spectra::track(): Argument #4 ($options) option "tags" must not contain any null bytes
addGlobalTags: ValueError: Spectra\Spectra::addGlobalTags(): Argument #1 ($tags) must not contain any null bytes
Spectra::withPricingTier: ValueError: Spectra\Spectra::withPricingTier(): Argument #1 ($tier) must not contain any null bytes
Spectra::forTrackable: ValueError: Spectra\Spectra::forTrackable(): Argument #1 ($type) must not contain any null bytes
addTag: ValueError: Spectra\RequestContext::addTag(): Argument #1 ($tag) must not contain any null bytes
inConversation: ValueError: Spectra\RequestContext::inConversation(): Argument #1 ($conversationId) must not contain any null bytes
RequestContext::withPricingTier: ValueError: Spectra\RequestContext::withPricingTier(): Argument #1 ($tier) must not contain any null bytes
RequestContext::forTrackable: ValueError: Spectra\RequestContext::forTrackable(): Argument #1 ($type) must not contain any null bytes
array(0) {
}
string(8) "standard"
NULL
NULL
string(2) "ok"
