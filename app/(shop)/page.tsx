import Image from 'next/image';
import { connection } from 'next/server';
import { ProductCard } from '@/components/product/product-card';
import { getCatalog } from '@/lib/catalog';

export default async function HomePage() {
  // Rendered per request (the header reads the cart), so next build never reaches the database.
  await connection();
  const products = await getCatalog();
  return (
    <div className="flex flex-col gap-12">
      <section className="card relative overflow-hidden">
        <Image src="/hero.svg" alt="" width={1600} height={600} priority className="h-56 w-full object-cover sm:h-72" />
        <div className="absolute inset-0 flex flex-col justify-end bg-gradient-to-r from-brand-900/90 via-brand-900/55 to-brand-900/5 p-6 sm:p-10">
          <h1 className="max-w-xl font-serif text-3xl text-white sm:text-5xl">Good things for slow mornings</h1>
          <p className="mt-2 max-w-lg text-white/90">
            Coffee gear, home goods and guides from small makers. Check out in a few clicks with Amazon Pay.
          </p>
        </div>
      </section>
      <section aria-labelledby="catalog-heading" className="flex flex-col gap-6">
        <h2 id="catalog-heading" className="font-serif text-2xl text-ink">
          The shop
        </h2>
        <ul className="grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {products.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </ul>
      </section>
    </div>
  );
}
