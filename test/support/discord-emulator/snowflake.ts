const DISCORD_EPOCH = 1420070400000n;

/** Snowflakes shaped like Discord's (timestamp in the high bits), so discord.js derives sane dates from them. */
export function createSnowflakes(): () => string {
  let increment = 0n;
  return () => {
    increment = (increment + 1n) & 0xfffn;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
  };
}
