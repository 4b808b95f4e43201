--TEST--
Wrong argument types give a TypeError, bad values a ValueError, each naming the argument
--FILE--
<?php
use Spectra\Spectra;
$cases = [
    'track callback'        => fn () => Spectra::track('openai', 'gpt-4o', 'no_such_function'),
    'track options type'    => fn () => Spectra::track('openai', 'gpt-4o', fn () => 1, 'x'),
    'option tags type'      => fn () => Spectra::track('openai', 'gpt-4o', fn () => 1, ['tags' => 'a,b']),
    'option tags items'     => fn () => Spectra::track('openai', 'gpt-4o', fn () => 1, ['tags' => ['ok', 5]]),
    'option metadata type'  => fn () => Spectra::track('openai', 'gpt-4o', fn () => 1, ['metadata' => 'x']),
    'option tier value'     => fn () => Spectra::track('openai', 'gpt-4o', fn () => 1, ['pricing_tier' => 'platinum']),
    'option stream type'    => fn () => Spectra::track('openai', 'gpt-4o', fn () => 1, ['stream' => 'yes']),
    'option port range'     => fn () => Spectra::startRequest('openai', 'gpt-4o', ['server_port' => 70000]),
    'option trackable id'   => fn () => Spectra::startRequest('openai', 'gpt-4o', ['trackable_id' => 1.5]),
    'startRequest provider' => fn () => Spectra::startRequest([], 'gpt-4o'),
    'recordSuccess ctx'     => fn () => Spectra::recordSuccess(new stdClass()),
    'recordSuccess usage'   => fn () => Spectra::recordSuccess(Spectra::startRequest('openai', 'gpt-4o'), null, ['prompt_tokens' => -5]),
    'recordSuccess usage2'  => fn () => Spectra::recordSuccess(Spectra::startRequest('openai', 'gpt-4o'), null, ['output_tokens' => 'many']),
    'recordFailure throw'   => fn () => Spectra::recordFailure(Spectra::startRequest('openai', 'gpt-4o'), 'boom'),
    'withPricingTier'       => fn () => Spectra::withPricingTier('gold'),
    'withPricingTier empty' => fn () => Spectra::withPricingTier(''),
    'addGlobalTags items'   => fn () => Spectra::addGlobalTags([['nested']]),
    'withMetadata type'     => fn () => Spectra::withMetadata('x'),
    'forTrackable id'       => fn () => Spectra::forTrackable('User', 2.5),
    'ctx forTrackable id'   => fn () => Spectra::startRequest('openai', 'gpt-4o')->forTrackable('User', null),
    'ctx withPricingTier'   => fn () => Spectra::startRequest('openai', 'gpt-4o')->withPricingTier('nope'),
    'ctx setUsage'          => fn () => Spectra::startRequest('openai', 'gpt-4o')->setUsage(['cached_tokens' => [1]]),
    'listen'                => fn () => Spectra::listen('not_callable_at_all'),
    'useSpanBuilder'        => fn () => Spectra::useSpanBuilder(new stdClass()),
    'flush negative'        => fn () => Spectra::flush(-1),
    'new RequestContext'    => fn () => new \Spectra\RequestContext(),
];
foreach ($cases as $name => $case) {
    try {
        $case();
        echo "$name: no error\n";
    } catch (TypeError|ValueError $e) {
        echo "$name: ", get_class($e), ': ', $e->getMessage(), "\n";
    } catch (Error $e) {
        echo "$name: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
track callback: TypeError: Spectra\Spectra::track(): Argument #3 ($callback) must be a valid callback, function "no_such_function" not found or invalid function name
track options type: TypeError: Spectra\Spectra::track(): Argument #4 ($options) must be of type array, string given
option tags type: TypeError: Spectra\Spectra::track(): Argument #4 ($options) option "tags" must be of type array, string given
option tags items: TypeError: Spectra\Spectra::track(): Argument #4 ($options) option "tags" must contain only strings, int given
option metadata type: TypeError: Spectra\Spectra::track(): Argument #4 ($options) option "metadata" must be of type array, string given
option tier value: ValueError: Spectra\Spectra::track(): Argument #4 ($options) option "pricing_tier" must be a known pricing tier, "platinum" given
option stream type: TypeError: Spectra\Spectra::track(): Argument #4 ($options) option "stream" must be of type bool, string given
option port range: ValueError: Spectra\Spectra::startRequest(): Argument #3 ($options) option "server_port" must be between 0 and 65535
option trackable id: TypeError: Spectra\Spectra::startRequest(): Argument #3 ($options) option "trackable_id" must be of type string|int, float given
startRequest provider: TypeError: Spectra\Spectra::startRequest(): Argument #1 ($provider) must be of type string, array given
recordSuccess ctx: TypeError: Spectra\Spectra::recordSuccess(): Argument #1 ($context) must be of type Spectra\RequestContext, stdClass given
recordSuccess usage: ValueError: Spectra\Spectra::recordSuccess(): Argument #3 ($usage) key "prompt_tokens" must be a non-negative integer token count
recordSuccess usage2: ValueError: Spectra\Spectra::recordSuccess(): Argument #3 ($usage) key "output_tokens" must be a non-negative integer token count
recordFailure throw: TypeError: Spectra\Spectra::recordFailure(): Argument #2 ($exception) must be of type Throwable, string given
withPricingTier: ValueError: Spectra\Spectra::withPricingTier(): Argument #1 ($tier) must be a known pricing tier (standard, batch, flex, priority, or a tier of the pricing catalog), "gold" given
withPricingTier empty: ValueError: Spectra\Spectra::withPricingTier(): Argument #1 ($tier) must be a known pricing tier (standard, batch, flex, priority, or a tier of the pricing catalog), "" given
addGlobalTags items: TypeError: Spectra\Spectra::addGlobalTags(): Argument #1 ($tags) must contain only strings, array given
withMetadata type: TypeError: Spectra\Spectra::withMetadata(): Argument #1 ($metadata) must be of type array, string given
forTrackable id: TypeError: Spectra\Spectra::forTrackable(): Argument #2 ($id) must be of type string|int, float given
ctx forTrackable id: TypeError: Spectra\RequestContext::forTrackable(): Argument #2 ($id) must be of type string|int, null given
ctx withPricingTier: ValueError: Spectra\RequestContext::withPricingTier(): Argument #1 ($tier) must be a known pricing tier (standard, batch, flex, priority, or a tier of the pricing catalog), "nope" given
ctx setUsage: ValueError: Spectra\RequestContext::setUsage(): Argument #1 ($usage) key "cached_tokens" must be a non-negative integer token count
listen: TypeError: Spectra\Spectra::listen(): Argument #1 ($listener) must be a valid callback, string given
useSpanBuilder: TypeError: Spectra\Spectra::useSpanBuilder(): Argument #1 ($builder) must be of type Spectra\Contracts\SpanBuilder|callable|null, stdClass given
flush negative: ValueError: Spectra\Spectra::flush(): Argument #1 ($timeoutMs) must be greater than or equal to 0
new RequestContext: Error: Call to private Spectra\RequestContext::__construct() from global scope
